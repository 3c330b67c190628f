package dev.rapport.crm.jpa;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.AdapterContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;

/**
 * The whole TCK ({@link AdapterContract}: every contract, each a nested group) on every database
 * and provider, and on H2 in the mode that joins host transactions; the external servers (tag
 * {@code databases}) only with {@code -Pdatabases}. Each target's store is shared by its tests:
 * every test works in a fresh tenant.
 */
class JpaAdapterContractTest {

  @Nested
  class H2Hibernate extends AdapterContract {
    @Override
    protected Persistence persistence() {
      return Target.H2_HIBERNATE.persistence();
    }
  }

  @Nested
  class H2EclipseLink extends AdapterContract {
    @Override
    protected Persistence persistence() {
      return Target.H2_ECLIPSELINK.persistence();
    }
  }

  @Nested
  class PostgresHibernate extends AdapterContract {
    @Override
    protected Persistence persistence() {
      return Target.POSTGRES_HIBERNATE.persistence();
    }
  }

  @Nested
  class PostgresEclipseLink extends AdapterContract {
    @Override
    protected Persistence persistence() {
      return Target.POSTGRES_ECLIPSELINK.persistence();
    }
  }

  @Nested
  @Tag("databases")
  class ExternalPostgresHibernate extends AdapterContract {
    @Override
    protected Persistence persistence() {
      return Target.EXTERNAL_POSTGRES_HIBERNATE.persistence();
    }
  }

  @Nested
  @Tag("databases")
  class ExternalPostgresEclipseLink extends AdapterContract {
    @Override
    protected Persistence persistence() {
      return Target.EXTERNAL_POSTGRES_ECLIPSELINK.persistence();
    }
  }

  @Nested
  @Tag("databases")
  class MariaDbHibernate extends AdapterContract {
    @Override
    protected Persistence persistence() {
      return Target.MARIADB_HIBERNATE.persistence();
    }
  }

  @Nested
  @Tag("databases")
  class MariaDbEclipseLink extends AdapterContract {
    @Override
    protected Persistence persistence() {
      return Target.MARIADB_ECLIPSELINK.persistence();
    }
  }

  @Nested
  class H2HibernateJoiningHostTransactions extends AdapterContract {
    @Override
    protected Persistence persistence() {
      return Target.H2_HIBERNATE_JOINING.persistence();
    }
  }

  @Nested
  class H2EclipseLinkJoiningHostTransactions extends AdapterContract {
    @Override
    protected Persistence persistence() {
      return Target.H2_ECLIPSELINK_JOINING.persistence();
    }
  }
}
