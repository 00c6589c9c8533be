package dev.perfagent.bootstrap;

/** Lets tests of other packages take notes as the woven code does. */
public final class JdbcNotesAccess {
  private JdbcNotesAccess() {}

  public static void connect(Object connection, String url) {
    JdbcNotes.note(JdbcNotes.CONNECTION, null, url, null, null, connection);
  }

  /** {@code connection.setAutoCommit(autoCommit)} returned. */
  public static void setAutoCommit(Object connection, boolean autoCommit) {
    JdbcNotes.note(JdbcNotes.TRANSACTION, connection, autoCommit, null, null, null);
  }
}
