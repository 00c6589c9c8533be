package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * When a connection's transaction began, as its notes know it: from the {@code setAutoCommit(false)}
 * the application called, or from the end of the commit or rollback before.
 */
class TransactionNotesTest {
  private final Object connection = new Object();

  TransactionNotesTest() {
    JdbcNotesAccess.connect(connection, "jdbc:postgresql://db/shop");
  }

  private void setAutoCommit(Object autoCommit) {
    JdbcNotes.note(JdbcNotes.TRANSACTION, connection, autoCommit, null, null, null);
  }

  private JdbcNote commit() throws Throwable {
    return (JdbcNote) new ValueReader(ValueReader.JDBC_TRANSACTION_END, new String[0])
        .read(connection, null, null, null, null, null);
  }

  @Test
  void aTransactionBeginsWhenAutoCommitIsSwitchedOffAndAgainAtEachCommit() throws Throwable {
    assertFalse(commit().inTransaction(), "in auto-commit mode: no transaction the agent knows of");
    long before = System.nanoTime();
    setAutoCommit(false);
    long begun = JdbcNotes.of(connection).transactionStart();
    assertTrue(begun >= before && begun <= System.nanoTime());

    setAutoCommit(false); // no change: the transaction goes on
    assertEquals(begun, JdbcNotes.of(connection).transactionStart());

    long committing = System.nanoTime();
    JdbcNote first = commit();
    assertEquals(begun, first.transactionStart(), "the commit ends the transaction begun at setAutoCommit(false)");
    assertEquals("shop", first.namespace());
    long next = JdbcNotes.of(connection).transactionStart();
    assertTrue(next >= committing, "the next transaction begins as the commit returns");
    assertEquals(next, commit().transactionStart(), "and ends at the next commit or rollback");

    setAutoCommit(true);
    assertFalse(commit().inTransaction(), "back in auto-commit mode");
    assertFalse(JdbcNotes.of(connection).inTransaction());
  }

  @Test
  void aPoolsProxyAndAStatementTakeTheDatabaseButNotTheTransaction() {
    setAutoCommit(false);
    Object proxy = new Object();
    JdbcNotes.note(JdbcNotes.WRAPPER, null, connection, null, null, proxy);
    assertEquals("shop", JdbcNotes.of(proxy).namespace());
    assertFalse(JdbcNotes.of(proxy).inTransaction(), "a new checkout: the connection's old transaction is not its own");
    Object statement = new Object();
    JdbcNotes.note(JdbcNotes.STATEMENT, connection, "UPDATE t SET a = 1", null, null, statement);
    assertFalse(JdbcNotes.of(statement).inTransaction());
  }

  @Test
  void anythingButABooleanChangesNothing() {
    setAutoCommit(null);
    setAutoCommit("false");
    assertFalse(JdbcNotes.of(connection).inTransaction());
    JdbcNotes.note(JdbcNotes.TRANSACTION, null, false, null, null, null); // no connection: nothing to note
  }
}
