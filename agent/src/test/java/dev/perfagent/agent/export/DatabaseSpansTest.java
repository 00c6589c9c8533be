package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.perfagent.bootstrap.JdbcNote;
import dev.perfagent.bootstrap.JdbcNotes;
import dev.perfagent.bootstrap.JdbcNotesAccess;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import org.junit.jupiter.api.Test;

/** The attributes and name of a database span; no literal ever reaches an attribute. */
class DatabaseSpansTest {
  private final DatabaseSpans spans = new DatabaseSpans(new SqlSanitizer());

  private static final Object CONNECTION = new Object();

  static {
    // a connection opened with this URL, and a statement prepared on it, noted as the woven code does
    JdbcNotesAccess.connect(CONNECTION, "jdbc:postgresql://db:5433/shop?password=s3cret");
  }

  @Test
  void literalsAreReplacedAndTheStatementDescribed() {
    AttributesBuilder b = Attributes.builder();
    String name = spans.complete(b, JdbcNotes.of(CONNECTION),
        "SELECT * FROM users WHERE password = 'hunter2' AND id = 42", null, null, null, false);
    Attributes a = b.build();
    assertEquals("SELECT * FROM users WHERE password = ? AND id = ?", a.get(AttributeKey.stringKey("db.query.text")));
    assertEquals("SELECT users", name);
    assertEquals("SELECT", a.get(AttributeKey.stringKey("db.operation.name")));
    assertEquals("users", a.get(AttributeKey.stringKey("db.collection.name")));
    assertEquals("postgresql", a.get(AttributeKey.stringKey("db.system.name")));
    assertEquals("shop", a.get(AttributeKey.stringKey("db.namespace")));
    assertEquals("db", a.get(AttributeKey.stringKey("server.address")));
    assertEquals(5433L, a.get(AttributeKey.longKey("server.port")));
    assertFalse(a.toString().contains("hunter2"), a.toString());
    assertFalse(a.toString().contains("42"), a.toString());
    assertFalse(a.toString().contains("s3cret"), a.toString());
  }

  @Test
  void batchesFailuresAndTransactions() {
    AttributesBuilder b = Attributes.builder();
    assertEquals("BATCH INSERT items", spans.complete(b, JdbcNotes.of(CONNECTION),
        "INSERT INTO items (a) VALUES (?)", 3, null, null, false));
    assertEquals(3L, b.build().get(AttributeKey.longKey("db.operation.batch.size")));

    b = Attributes.builder();
    assertEquals("INSERT items", spans.complete(b, JdbcNotes.of(CONNECTION),
        "INSERT INTO items (a) VALUES (?)", 1, null, null, false));
    assertNull(b.build().get(AttributeKey.longKey("db.operation.batch.size")), "one statement is no batch");

    b = Attributes.builder().put("error.type", "org.postgresql.util.PSQLException");
    spans.complete(b, JdbcNotes.of(CONNECTION), "SELECT 1 FROM nowhere", null, null, "42P01", true);
    assertEquals("42P01", b.build().get(AttributeKey.stringKey("error.type")));

    b = Attributes.builder();
    assertEquals("COMMIT shop", spans.complete(b, JdbcNotes.of(CONNECTION), null, null, "COMMIT", null, false));
    assertNull(b.build().get(AttributeKey.stringKey("db.query.text")));
  }

  @Test
  void aCommitOfATransactionTheAgentSawBeginGetsItsDurationInSeconds() {
    Object connection = new Object();
    JdbcNotesAccess.connect(connection, "jdbc:h2:mem:tx");
    AttributesBuilder b = Attributes.builder();
    DatabaseSpans.transaction(b, JdbcNotes.of(connection), System.nanoTime());
    assertNull(b.build().get(DatabaseSpans.TRANSACTION_DURATION), "no transaction begun: no duration");

    JdbcNotesAccess.setAutoCommit(connection, false);
    JdbcNote note = JdbcNotes.of(connection);
    b = Attributes.builder();
    DatabaseSpans.transaction(b, note, note.transactionStart() + 1_500_000_000L);
    assertEquals(1.5, b.build().get(DatabaseSpans.TRANSACTION_DURATION));
    JdbcNotesAccess.setAutoCommit(connection, true);
  }

  @Test
  void doubleQuotesAreLiteralsWhereTheDatabaseSaysSo() {
    SqlSanitizer sanitizer = new SqlSanitizer();
    assertEquals("SELECT * FROM t WHERE a = ?", sanitizer.sanitize("SELECT * FROM t WHERE a = \"secret\"", "mysql"));
    assertEquals("SELECT * FROM \"T\" WHERE a = ?", sanitizer.sanitize("SELECT * FROM \"T\" WHERE a = 'x'", "postgresql"));
  }
}
