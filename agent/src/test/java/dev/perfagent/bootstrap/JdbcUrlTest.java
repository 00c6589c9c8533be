package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The database a JDBC URL names; never a user or password from it. */
class JdbcUrlTest {
  private static String describe(String url) {
    JdbcNote n = JdbcUrl.parse(url);
    return n.system() + " " + n.namespace() + " " + n.host() + " " + n.port();
  }

  @Test
  void serverDatabases() {
    assertEquals("postgresql returns db.example 5433", describe("jdbc:postgresql://db.example:5433/returns?ssl=true"));
    assertEquals("postgresql returns localhost 5432", describe("jdbc:postgresql:///returns"));
    assertEquals("postgresql returns null -1", describe("jdbc:postgresql:returns"));
    assertEquals("mysql shop 10.0.0.1 3306", describe("jdbc:mysql://10.0.0.1/shop"));
    assertEquals("mariadb shop a 3307", describe("jdbc:mariadb://a:3307,b:3308/shop"));
    assertEquals("microsoft.sql_server Sales sql.local 1433", describe("jdbc:sqlserver://sql.local;databaseName=Sales;encrypt=true"));
    assertEquals("oracle.db ORCL ora 1521", describe("jdbc:oracle:thin:@ora:1521:ORCL"));
    assertEquals("oracle.db svc ora 1522", describe("jdbc:oracle:thin:@//ora:1522/svc"));
    assertEquals("postgresql db ::1 5432", describe("jdbc:postgresql://[::1]:5432/db"));
  }

  @Test
  void embeddedDatabases() {
    assertEquals("h2database returns null -1", describe("jdbc:h2:mem:returns;DB_CLOSE_DELAY=-1"));
    assertEquals("h2database ~/data/shop null -1", describe("jdbc:h2:file:~/data/shop"));
    assertEquals("h2database /srv/shop h2.local 9092", describe("jdbc:h2:tcp://h2.local//srv/shop"));
    assertEquals("sqlite /tmp/app.db null -1", describe("jdbc:sqlite:/tmp/app.db"));
    assertEquals("sqlite :memory: null -1", describe("jdbc:sqlite::memory:"));
  }

  @Test
  void neverTheUserOrPassword() {
    assertEquals("postgresql db host 5432", describe("jdbc:postgresql://alice:s3cret@host/db?password=s3cret"));
    assertEquals("mysql db host 3306", describe("jdbc:mysql://alice:s3cret@host:3306/db"));
  }

  @Test
  void unknownAndBrokenUrls() {
    assertEquals("other_sql null null -1", describe("jdbc:foo:bar"));
    assertEquals("other_sql db h 7000", describe("jdbc:foo://h:7000/db"));
    assertEquals("postgresql null h 5432", describe("jdbc:postgresql://h:notaport"));
    assertEquals("other_sql null null -1", describe("jdbc:"));
    assertEquals("other_sql null null -1", describe(""));
  }

  @Test
  void driversKnownByPackage() {
    assertEquals("postgresql", JdbcNotes.systemOfPackage("org.postgresql.jdbc.PgConnection"));
    assertEquals("h2database", JdbcNotes.systemOfPackage("org.h2.jdbc.JdbcConnection"));
    assertEquals("other_sql", JdbcNotes.systemOfPackage("com.zaxxer.hikari.pool.HikariProxyConnection"));
  }
}
