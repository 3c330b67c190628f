package dev.rapport.crm.jpa;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.AnalyticsContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;

/**
 * The TCK's {@link AnalyticsContract} on every database and provider, and on H2 in the mode that joins
 * host transactions; the external servers (tag {@code databases}) only with
 * {@code -Pdatabases}.
 */
class JpaAnalyticsTest {
  /** The contract on one target's shared store. */
  abstract static class OnTarget extends AnalyticsContract {
    abstract Target target();

    @Override
    protected Persistence persistence() {
      return target().persistence();
    }
  }

  @Nested
  class H2Hibernate extends OnTarget {
    @Override
    Target target() {
      return Target.H2_HIBERNATE;
    }
  }

  @Nested
  class H2EclipseLink extends OnTarget {
    @Override
    Target target() {
      return Target.H2_ECLIPSELINK;
    }
  }

  @Nested
  class PostgresHibernate extends OnTarget {
    @Override
    Target target() {
      return Target.POSTGRES_HIBERNATE;
    }
  }

  @Nested
  class PostgresEclipseLink extends OnTarget {
    @Override
    Target target() {
      return Target.POSTGRES_ECLIPSELINK;
    }
  }

  @Nested
  @Tag("databases")
  class ExternalPostgresHibernate extends OnTarget {
    @Override
    Target target() {
      return Target.EXTERNAL_POSTGRES_HIBERNATE;
    }
  }

  @Nested
  @Tag("databases")
  class ExternalPostgresEclipseLink extends OnTarget {
    @Override
    Target target() {
      return Target.EXTERNAL_POSTGRES_ECLIPSELINK;
    }
  }

  @Nested
  @Tag("databases")
  class MariaDbHibernate extends OnTarget {
    @Override
    Target target() {
      return Target.MARIADB_HIBERNATE;
    }
  }

  @Nested
  @Tag("databases")
  class MariaDbEclipseLink extends OnTarget {
    @Override
    Target target() {
      return Target.MARIADB_ECLIPSELINK;
    }
  }

  @Nested
  class H2HibernateJoiningHostTransactions extends OnTarget {
    @Override
    Target target() {
      return Target.H2_HIBERNATE_JOINING;
    }
  }

  @Nested
  class H2EclipseLinkJoiningHostTransactions extends OnTarget {
    @Override
    Target target() {
      return Target.H2_ECLIPSELINK_JOINING;
    }
  }
}
