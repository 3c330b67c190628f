package dev.rapport.crm.spring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates Rapport's tables at startup with Flyway, from the scripts the JPA adapter ships for the
 * database at hand, in a history table of their own: the host's migrations keep theirs, and the
 * version numbers of the two never meet. Runs before the {@code EntityManagerFactory} is built.
 */
final class RapportSchemaMigration implements InitializingBean {
  private final DataSource dataSource;

  RapportSchemaMigration(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() {
    Flyway.configure(getClass().getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/rapport/" + folder(dataSource))
        .table(RapportAutoConfiguration.SCHEMA_HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /** The folder of Rapport's scripts for the database behind {@code dataSource}. */
  static String folder(DataSource dataSource) {
    String product;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new IllegalStateException("Rapport could not read which database it runs on: " + e.getMessage(), e);
    }
    String name = product.toLowerCase(Locale.ROOT);
    if (name.contains("postgresql")) {
      return "postgresql";
    }
    if (name.contains("mariadb")) {
      return "mariadb";
    }
    if (name.equals("h2")) {
      return "h2";
    }
    throw new IllegalStateException("Rapport ships schema scripts for PostgreSQL, MariaDB and H2, not for "
        + product + ": set rapport.flyway.enabled=false and make Rapport's tables yourself");
  }
}
