package dev.perfagent.bootstrap;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notes of the {@code extract: jdbc.*} pointcuts: a connection notes its database when the
 * driver opens it, a statement notes its SQL and its connection's database when it is created, a
 * pool's wrapper takes the note of what it wraps, and an execution reads the note of its statement.
 * No driver internals are read, and no application method is called: the SQL is the string the
 * application passed, the database comes from the URL the driver was given. Runs on application
 * threads: a lookup is an identity hash and a short locked walk.
 */
public final class JdbcNotes {
  /** Note kinds, the {@code extract} values that note (config's Extractor). */
  public static final int CONNECTION = 0;
  public static final int STATEMENT = 1;
  public static final int WRAPPER = 2;
  /** Not a note: the pool's metrics tracker factory is wrapped ({@link Recorder#poolMetrics}). */
  public static final int POOL_METRICS = 3;
  /** {@code setAutoCommit(arg0)}: {@code false} begins a transaction on {@code this}, {@code true} ends it. */
  public static final int TRANSACTION = 4;

  /** Statements and connections open at once that can carry a note. */
  static final int CAPACITY = 1 << 16;
  private static final int MAX_URLS = 256;

  private static final WeakNotes NOTES = new WeakNotes(CAPACITY);
  private static final Map<String, JdbcNote> URLS = new ConcurrentHashMap<>();
  private static final ClassValue<JdbcNote> BY_DRIVER =
      new ClassValue<JdbcNote>() {
        @Override
        protected JdbcNote computeValue(Class<?> type) {
          return new JdbcNote(systemOfPackage(type.getName()), null, null, -1, null);
        }
      };

  private JdbcNotes() {}

  /** Takes the note of kind {@code kind} at the exit of a noting call that returned {@code returned}. */
  static void note(int kind, Object self, Object a, Object b, Object c, Object returned) {
    if (kind == TRANSACTION) {
      autoCommit(self, a);
      return;
    }
    if (returned == null) {
      return;
    }
    switch (kind) {
      case CONNECTION:
        if (a instanceof String) {
          NOTES.put(returned, database((String) a));
        }
        break;
      case STATEMENT:
        JdbcNote database = self == null ? null : of(self);
        if (database != null) {
          NOTES.put(returned, database.withSql(a instanceof String ? (String) a : null));
        }
        break;
      case WRAPPER:
        JdbcNote wrapped = firstNoted(a, b, c);
        if (wrapped != null) {
          // a pool's proxy is a new checkout: a transaction of the connection it wraps is not its own
          NOTES.put(returned, wrapped.inTransactionSince(JdbcNote.NO_TRANSACTION));
        }
        break;
      default:
        throw new IllegalArgumentException("note kind " + kind);
    }
  }

  /**
   * The note of a statement or connection; for one the agent saw no note for (opened by a driver's
   * own data source, say), the database its driver's package names.
   */
  public static JdbcNote of(Object statementOrConnection) {
    Object note = NOTES.get(statementOrConnection);
    return note != null ? (JdbcNote) note : BY_DRIVER.get(statementOrConnection.getClass());
  }

  /** The note of {@code self}, with {@code sql} as its SQL when it is a string (the SQL a call was given). */
  static JdbcNote of(Object self, Object sql) {
    JdbcNote note = of(self);
    return sql instanceof String ? note.withSql((String) sql) : note;
  }

  /** Notes not taken because as many statements and connections as the table holds were open. */
  public static long refused() {
    return NOTES.refused();
  }

  private static JdbcNote firstNoted(Object a, Object b, Object c) {
    for (Object candidate : new Object[] {a, b, c}) {
      Object note = candidate == null ? null : NOTES.get(candidate);
      if (note != null) {
        return (JdbcNote) note;
      }
    }
    return null;
  }

  /**
   * {@code connection.setAutoCommit(autoCommit)} returned: {@code false} begins a transaction now
   * (unless one is under way: then nothing changes), {@code true} ends it.
   */
  private static void autoCommit(Object connection, Object autoCommit) {
    if (connection == null || !(autoCommit instanceof Boolean)) {
      return;
    }
    JdbcNote note = of(connection);
    if (!(Boolean) autoCommit && !note.inTransaction()) {
      NOTES.put(connection, note.inTransactionSince(System.nanoTime()));
    } else if ((Boolean) autoCommit && note.inTransaction()) {
      NOTES.put(connection, note.inTransactionSince(JdbcNote.NO_TRANSACTION));
    }
  }

  /**
   * The note of {@code connection} at the end of a call that ends its transaction (commit,
   * rollback), with the transaction's start; the connection's next transaction starts now.
   */
  static JdbcNote endTransaction(Object connection) {
    JdbcNote note = of(connection);
    if (note.inTransaction()) {
      NOTES.put(connection, note.inTransactionSince(System.nanoTime()));
    }
    return note;
  }

  /** The URL's database, parsed once per URL (a pool opens many connections to one). */
  private static JdbcNote database(String url) {
    JdbcNote known = URLS.get(url);
    if (known != null) {
      return known;
    }
    JdbcNote parsed = JdbcUrl.parse(url);
    if (URLS.size() < MAX_URLS) {
      URLS.putIfAbsent(url, parsed);
    }
    return parsed;
  }

  static String systemOfPackage(String className) {
    String[][] packages = {
      {"org.postgresql.", "postgresql"}, {"org.h2.", "h2database"}, {"org.sqlite.", "sqlite"},
      {"com.mysql.", "mysql"}, {"org.mariadb.", "mariadb"}, {"oracle.jdbc.", "oracle.db"},
      {"com.microsoft.sqlserver.", "microsoft.sql_server"}, {"com.ibm.db2.", "ibm.db2"},
      {"org.apache.derby.", "derby"}, {"org.hsqldb.", "hsqldb"},
    };
    for (String[] p : packages) {
      if (className.startsWith(p[0])) {
        return p[1];
      }
    }
    return JdbcNote.OTHER_SQL;
  }
}
