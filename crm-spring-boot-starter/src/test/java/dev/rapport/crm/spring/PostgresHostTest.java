package dev.rapport.crm.spring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The host application on the external PostgreSQL of {@code RAPPORT_PG_URL} / {@code _USER} /
 * {@code _PASSWORD} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, {@code postgres}, no
 * password), in a database of its own made for the run and dropped at its end. Runs with
 * {@code -Pdatabases}; an unreachable server fails it.
 */
@Tag("databases")
class PostgresHostTest extends HostContract {
  private static final String URL = env("RAPPORT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String USER = env("RAPPORT_PG_USER", "postgres");
  private static final String PASSWORD = env("RAPPORT_PG_PASSWORD", "");

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String name = "rapport_spring_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("create database " + name);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        execute("drop database if exists " + name + " with (force)");
      } catch (RuntimeException e) {
        System.err.println("could not drop the test database " + name + ": " + e.getMessage());
      }
    }));
    int query = URL.indexOf('?');
    String base = query < 0 ? URL : URL.substring(0, query);
    registry.add("spring.datasource.url", () -> base.substring(0, base.lastIndexOf('/') + 1) + name
        + (query < 0 ? "" : URL.substring(query)));
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> PASSWORD);
    registry.add("spring.jpa.hibernate.ddl-auto", () -> "validate");
    registry.add("spring.jpa.properties.hibernate.type.java_time_use_direct_jdbc", () -> "true");
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + URL + ": " + e.getMessage(), e);
    }
  }
}
