package dev.perfagent.bootstrap;

import java.util.Locale;

/**
 * The database a JDBC URL names: system, database (namespace), host and port. Only these are
 * taken; user names, passwords and other properties in the URL are never kept.
 */
final class JdbcUrl {
  private JdbcUrl() {}

  static JdbcNote parse(String url) {
    String rest = url.startsWith("jdbc:") ? url.substring(5) : url;
    int colon = rest.indexOf(':');
    String protocol = (colon < 0 ? rest : rest.substring(0, colon)).toLowerCase(Locale.ROOT);
    String tail = colon < 0 ? "" : rest.substring(colon + 1);
    switch (protocol) {
      case "postgresql":
        return server("postgresql", tail, 5432);
      case "mysql":
        return server("mysql", tail, 3306);
      case "mariadb":
        return server("mariadb", tail, 3306);
      case "sqlserver":
        return sqlServer(tail);
      case "oracle":
        return oracle(tail);
      case "h2":
        return h2(tail);
      case "sqlite":
        return new JdbcNote("sqlite", before(tail, '?'), null, -1, null);
      case "db2":
        return server("ibm.db2", tail, 50000);
      case "derby":
        return new JdbcNote("derby", before(before(tail, ';'), '?'), null, -1, null);
      case "hsqldb":
        return new JdbcNote("hsqldb", before(tail, ';'), null, -1, null);
      default:
        return tail.startsWith("//")
            ? server(JdbcNote.OTHER_SQL, tail, -1) : new JdbcNote(JdbcNote.OTHER_SQL, null, null, -1, null);
    }
  }

  /** {@code //host:port/database?...}; no server part means localhost (the drivers' default). */
  private static JdbcNote server(String system, String tail, int defaultPort) {
    if (!tail.startsWith("//")) {
      return new JdbcNote(system, emptyToNull(before(before(tail, '?'), ';')), null, -1, null);
    }
    String authorityAndPath = tail.substring(2);
    int slash = authorityAndPath.indexOf('/');
    String authority = before(before(slash < 0 ? authorityAndPath : authorityAndPath.substring(0, slash), '?'), ';');
    String database = slash < 0 ? null : emptyToNull(before(before(authorityAndPath.substring(slash + 1), '?'), ';'));
    return withHost(system, database, authority, defaultPort);
  }

  private static JdbcNote withHost(String system, String database, String authority, int defaultPort) {
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1); // never user or password
    hostPort = before(hostPort, ','); // the first of several hosts
    String host = hostPort;
    int port = defaultPort;
    int portColon = hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.lastIndexOf(':');
    if (portColon >= 0) {
      host = hostPort.substring(0, portColon);
      port = port(hostPort.substring(portColon + 1), defaultPort);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1); // an IPv6 address, written without its brackets
    }
    return new JdbcNote(system, database, host.isEmpty() ? "localhost" : host, port, null);
  }

  private static JdbcNote sqlServer(String tail) {
    String main = before(tail, ';');
    String database = property(tail, "databaseName");
    if (database == null) {
      database = property(tail, "database");
    }
    String authority = main.startsWith("//") ? main.substring(2) : main;
    authority = before(authority, '\\'); // host\instance
    return withHost("microsoft.sql_server", database, authority, 1433);
  }

  /** {@code thin:@host:port:SID}, {@code thin:@//host:port/service}; a TNS descriptor gives only the system. */
  private static JdbcNote oracle(String tail) {
    int at = tail.indexOf('@');
    String target = at < 0 ? "" : tail.substring(at + 1);
    if (target.startsWith("(") || target.isEmpty()) {
      return new JdbcNote("oracle.db", null, null, -1, null);
    }
    if (target.startsWith("//")) {
      return server("oracle.db", target, 1521);
    }
    String[] parts = before(target, '?').split(":");
    String database = parts.length > 2 ? parts[2] : null;
    int port = parts.length > 1 ? port(parts[1], 1521) : 1521;
    return new JdbcNote("oracle.db", database, parts[0], port, null);
  }

  /** {@code mem:name}, {@code file:path}, {@code path}, {@code tcp://host:port/path}, then {@code ;settings}. */
  private static JdbcNote h2(String tail) {
    String main = before(tail, ';');
    if (main.startsWith("tcp:") || main.startsWith("ssl:")) {
      return server("h2database", main.substring(4), 9092);
    }
    for (String prefix : new String[] {"mem:", "file:", "zip:", "split:", "nio:", "async:"}) {
      if (main.startsWith(prefix)) {
        main = main.substring(prefix.length());
        break;
      }
    }
    return new JdbcNote("h2database", emptyToNull(main), null, -1, null);
  }

  private static String property(String tail, String name) {
    String lower = tail.toLowerCase(Locale.ROOT);
    int at = lower.indexOf(";" + name.toLowerCase(Locale.ROOT) + "=");
    if (at < 0) {
      return null;
    }
    return emptyToNull(before(tail.substring(at + name.length() + 2), ';'));
  }

  private static int port(String text, int defaultPort) {
    try {
      int port = Integer.parseInt(text);
      return port > 0 && port < 65536 ? port : defaultPort;
    } catch (NumberFormatException e) {
      return defaultPort;
    }
  }

  private static String before(String s, char c) {
    int at = s.indexOf(c);
    return at < 0 ? s : s.substring(0, at);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
