package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.jpa.JpaPersistence;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Rapport on the JPA adapter over a benchmark's {@link Database}: an entity manager factory of one
 * provider and a {@code Crm} of one tenant on it, the setup every JPA benchmark state shares.
 * {@link #close()} closes the factory (not the database).
 */
final class JpaFixture implements AutoCloseable {
  final EntityManagerFactory factory;
  final Crm crm;

  private JpaFixture(EntityManagerFactory factory, Crm crm) {
    this.factory = factory;
    this.crm = crm;
  }

  /** The provider ({@code hibernate} or {@code eclipselink}) over the database, for the tenant, on the system clock. */
  static JpaFixture open(Database database, String provider, String tenant) {
    return open(database, provider, tenant, Clock.systemUTC());
  }

  /** The provider over the database, for the tenant, on the clock. */
  static JpaFixture open(Database database, String provider, String tenant, Clock clock) {
    EntityManagerFactory factory = database.entityManagerFactory(provider);
    try {
      return new JpaFixture(factory, Crm.builder().persistence(JpaPersistence.create(factory)).tenant(tenant)
          .clock(clock).build());
    } catch (RuntimeException e) {
      factory.close();
      throw e;
    }
  }

  /**
   * Seeds the database through Rapport (on Hibernate) before a benchmark: runs {@code work} with a
   * {@code Crm} of the tenant on the clock, then closes the factory.
   */
  static void seed(Database database, String tenant, Clock clock, Consumer<Crm> work) {
    try (JpaFixture seeding = open(database, "hibernate", tenant, clock)) {
      work.accept(seeding.crm);
    }
  }

  @Override
  public void close() {
    factory.close();
  }
}
