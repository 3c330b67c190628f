package dev.rapport.crm.jpa;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.ValueStormContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;

/**
 * The value storm once more, run only by the surefire execution {@code value-storm-in-europe-berlin}
 * (the JVM in a zone with daylight saving time: instants in the hour the clocks skip must come back
 * unchanged), with Hibernate on H2 and PostgreSQL. Not MariaDB, nor EclipseLink: there the JVM must
 * run in UTC (see the README).
 */
class JpaValueStormInBerlinTest {

  @Nested
  class H2Hibernate extends ValueStormContract {
    @Override
    protected Persistence persistence() {
      return Target.H2_HIBERNATE.persistence();
    }
  }

  @Nested
  class PostgresHibernate extends ValueStormContract {
    @Override
    protected Persistence persistence() {
      return Target.POSTGRES_HIBERNATE.persistence();
    }
  }

  @Nested
  @Tag("databases")
  class ExternalPostgresHibernate extends ValueStormContract {
    @Override
    protected Persistence persistence() {
      return Target.EXTERNAL_POSTGRES_HIBERNATE.persistence();
    }
  }
}
