package dev.rapport.crm.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The databases the adapter is tested on. H2 and the embedded PostgreSQL (binaries from Maven
 * Central) need nothing installed; the external PostgreSQL and MariaDB are given by environment
 * variables and run only with {@code -Pdatabases}, where an unreachable server fails the test.
 * Each database is started and given the shipped schema script once per test run.
 */
enum Database {
  H2("h2"),
  POSTGRES("postgresql"),
  EXTERNAL_POSTGRES("postgresql"),
  MARIADB("mariadb");

  private final String scriptFolder;
  private String sharedName;
  private final Map<Map<String, String>, DataSource> pools = new HashMap<>();
  private static EmbeddedPostgres embedded;

  Database(String scriptFolder) {
    this.scriptFolder = scriptFolder;
  }

  /** The folder of its schema script under {@code db/rapport/}. */
  String scriptFolder() {
    return scriptFolder;
  }

  /** The classpath locations of its schema scripts, in the order they apply. */
  List<String> scripts() {
    return SCRIPTS.stream().map(s -> "db/rapport/" + scriptFolder + "/" + s).toList();
  }

  /** The migration scripts every database has, in order (a test checks each folder holds exactly these). */
  static final List<String> SCRIPTS = List.of("V1__rapport_crm.sql", "V2__rapport_value_limits.sql",
      "V3__rapport_activities.sql", "V4__rapport_campaigns.sql", "V5__rapport_service.sql", "V6__rapport_sales.sql",
      "V7__rapport_analytics.sql", "V8__rapport_opportunity_filters.sql",
      "V9__rapport_match_keys.sql", "V10__rapport_merges.sql", "V11__rapport_mail.sql", "V12__rapport_mail_suppression.sql", "V13__rapport_erasure.sql", "V14__rapport_audit.sql", "V15__rapport_search.sql", "V16__rapport_industry.sql", "V17__rapport_custom_fields.sql", "V18__rapport_service_levels.sql");

  /** The pooled data source of the database shared by all tests, with the schema applied. */
  DataSource dataSource() {
    return dataSource(Map.of());
  }

  /**
   * A pooled data source of the database shared by all tests, with extra driver properties;
   * the database is made and given the schema once.
   */
  synchronized DataSource dataSource(Map<String, String> driverProperties) {
    if (sharedName == null) {
      sharedName = "rapport_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      DataSource first = create(sharedName, Map.of());
      scripts().forEach(script -> apply(first, script));
      pools.put(Map.of(), first);
    }
    return pools.computeIfAbsent(Map.copyOf(driverProperties), p -> connect(sharedName, p));
  }

  /** A new, empty database with the schema applied: for tests that read across tenants. */
  DataSource fresh(String name, Map<String, String> driverProperties) {
    DataSource ds = empty(name, driverProperties);
    scripts().forEach(script -> apply(ds, script));
    return ds;
  }

  /** A new database without any table. */
  DataSource empty(String name, Map<String, String> driverProperties) {
    return create(name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
        driverProperties);
  }

  private DataSource create(String name, Map<String, String> props) {
    switch (this) {
      case H2 -> { }
      case POSTGRES -> createDatabase(embedded().getPostgresDatabase(), "create database " + name);
      case EXTERNAL_POSTGRES -> createDatabase(pool(pgUrl(), pgUser(), pgPassword(), Map.of()),
          "create database " + name);
      case MARIADB -> createDatabase(pool(mariaUrl(), mariaUser(), mariaPassword(), Map.of()),
          "create database " + name + " character set utf8mb4 collate utf8mb4_bin");
      default -> throw new IllegalStateException();
    }
    if (this == EXTERNAL_POSTGRES || this == MARIADB) {
      dropAtExit(name);
    }
    return connect(name, props);
  }

  /** Pools of every database made on an external server, closed before it is dropped. */
  private static final List<HikariDataSource> EXTERNAL_POOLS = new ArrayList<>();
  private static final List<Runnable> DROPS = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (DROPS) {
        EXTERNAL_POOLS.forEach(HikariDataSource::close);
        DROPS.forEach(Runnable::run);
      }
    }));
  }

  /** Drops a database this run made on an external server when the run ends. */
  private void dropAtExit(String name) {
    synchronized (DROPS) {
      DROPS.add(() -> {
        try {
          createDatabase(this == MARIADB ? pool(mariaUrl(), mariaUser(), mariaPassword(), Map.of())
              : pool(pgUrl(), pgUser(), pgPassword(), Map.of()), "drop database if exists " + name);
        } catch (RuntimeException e) {
          System.err.println("could not drop the test database " + name + ": " + e.getMessage());
        }
      });
    }
  }

  private DataSource connect(String name, Map<String, String> props) {
    return switch (this) {
      case H2 -> pool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", props);
      case POSTGRES -> pool("jdbc:postgresql://localhost:" + embedded().getPort() + "/" + name,
          "postgres", "", props);
      case EXTERNAL_POSTGRES -> external(pool(withDatabase(pgUrl(), name), pgUser(), pgPassword(), props));
      case MARIADB -> external(pool(withDatabase(mariaUrl(), name), mariaUser(), mariaPassword(), props));
    };
  }

  private static HikariDataSource external(HikariDataSource pool) {
    synchronized (DROPS) {
      EXTERNAL_POOLS.add(pool);
    }
    return pool;
  }

  private static String withDatabase(String url, String name) {
    return url.replaceFirst("^(jdbc:[a-z]+://[^/]+)/[^?]*", "$1/" + name);
  }

  private static String pgUrl() {
    return env("RAPPORT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  }

  private static String pgUser() {
    return env("RAPPORT_PG_USER", "postgres");
  }

  private static String pgPassword() {
    return env("RAPPORT_PG_PASSWORD", "");
  }

  private static String mariaUrl() {
    return env("RAPPORT_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
  }

  private static String mariaUser() {
    return env("RAPPORT_MARIADB_USER", "root");
  }

  private static String mariaPassword() {
    return env("RAPPORT_MARIADB_PASSWORD", "");
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private static synchronized EmbeddedPostgres embedded() {
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          embedded.close();
        } catch (IOException ignored) {
          // the process ends anyway
        }
      }));
    }
    return embedded;
  }

  private static void createDatabase(DataSource admin, String sql) {
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
    } finally {
      if (admin instanceof HikariDataSource h) {
        h.close();
      }
    }
  }

  private static HikariDataSource pool(String url, String user, String password,
      Map<String, String> props) {
    HikariConfig config = new HikariConfig();
    props.forEach(config::addDataSourceProperty);
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(12);
    config.setMinimumIdle(0);
    config.setInitializationFailTimeout(10_000);
    return new HikariDataSource(config);
  }

  /** Runs a shipped schema script statement by statement. */
  static void apply(DataSource ds, String resource) {
    List<String> statements = statements(resource);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot apply " + resource + ": " + e.getMessage(), e);
    }
  }

  static List<String> statements(String resource) {
    String text;
    try (InputStream in = Database.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no " + resource + " on the classpath");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder withoutComments = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.strip().startsWith("--")) {
        withoutComments.append(line).append('\n');
      }
    }
    List<String> out = new ArrayList<>();
    for (String sql : splitStatements(withoutComments.toString())) {
      if (!sql.isBlank()) {
        out.add(sql.strip());
      }
    }
    return out;
  }

  /** The statements of a script: split at semicolons outside {@code $$}-quoted function bodies. */
  static List<String> splitStatements(String script) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < script.length(); i++) {
      if (script.startsWith("$$", i)) {
        quoted = !quoted;
        current.append("$$");
        i++;
        continue;
      }
      char ch = script.charAt(i);
      if (ch == ';' && !quoted) {
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(ch);
      }
    }
    out.add(current.toString());
    return out;
  }
}
