package dev.rapport.crm.jpa;

import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.spi.UnitOfWork;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Function;

/**
 * One database with one provider: what each contract test runs on. The store of a target is made
 * once per test run and shared by every test (they isolate by tenant).
 */
enum Target {
  H2_HIBERNATE(Database.H2, Provider.HIBERNATE),
  H2_ECLIPSELINK(Database.H2, Provider.ECLIPSELINK),
  POSTGRES_HIBERNATE(Database.POSTGRES, Provider.HIBERNATE),
  POSTGRES_ECLIPSELINK(Database.POSTGRES, Provider.ECLIPSELINK),
  EXTERNAL_POSTGRES_HIBERNATE(Database.EXTERNAL_POSTGRES, Provider.HIBERNATE),
  EXTERNAL_POSTGRES_ECLIPSELINK(Database.EXTERNAL_POSTGRES, Provider.ECLIPSELINK),
  MARIADB_HIBERNATE(Database.MARIADB, Provider.HIBERNATE),
  MARIADB_ECLIPSELINK(Database.MARIADB, Provider.ECLIPSELINK),
  /** Every unit of work joins a transaction that a host begins and commits around it. */
  H2_HIBERNATE_JOINING(Database.H2, Provider.HIBERNATE, true),
  /** Every unit of work joins a transaction that a host begins and commits around it. */
  H2_ECLIPSELINK_JOINING(Database.H2, Provider.ECLIPSELINK, true);

  final Database database;
  final Provider provider;
  final boolean joining;
  private Persistence hosted;
  private Store store;
  private RuntimeException failure;

  Target(Database database, Provider provider) {
    this(database, provider, false);
  }

  Target(Database database, Provider provider, boolean joining) {
    this.database = database;
    this.provider = provider;
    this.joining = joining;
  }

  /** The shared store: counting data source, factory and adapter. */
  synchronized Store store() {
    if (failure != null) {
      throw new IllegalStateException(this + " is not available (see the first failure)", failure);
    }
    if (store == null) {
      try {
        CountingDataSource ds = new CountingDataSource(database.dataSource(provider.driverProperties(database)));
        store = new Store(ds, provider.factory(ds));
      } catch (RuntimeException e) {
        failure = e; // an unreachable server fails every test at once, and fails it fast
        throw e;
      }
    }
    return store;
  }

  /** A store of its own on a new database with the schema: for tests that read across tenants. */
  Store freshStore(String name) {
    CountingDataSource ds = new CountingDataSource(
        database.fresh(name, provider.driverProperties(database)));
    return new Store(ds, provider.factory(ds));
  }

  /** The adapter under test: running its own transactions, or joining a host's. */
  synchronized Persistence persistence() {
    if (!joining) {
      return store().persistence();
    }
    if (hosted == null) {
      hosted = new HostTransactions(store().factory());
    }
    return hosted;
  }

  /**
   * A host as the joining mode expects one: for every unit of work it opens an entity manager,
   * begins a transaction, lets {@link JpaPersistence#joining} run the work in it, and commits (or
   * rolls back when the work threw).
   */
  private static final class HostTransactions implements Persistence {
    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final JpaPersistence joined = JpaPersistence.joining(current::get);

    HostTransactions(EntityManagerFactory factory) {
      this.factory = factory;
    }

    @Override
    public <T> T inUnitOfWork(TenantId tenant, Function<UnitOfWork, T> work) {
      EntityManager outer = current.get();
      EntityManager em = factory.createEntityManager();
      current.set(em);
      try {
        em.getTransaction().begin();
        T result = joined.inUnitOfWork(tenant, work);
        em.getTransaction().commit();
        return result;
      } finally {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
        em.close();
        current.set(outer);
      }
    }
  }

  /** A target's data source, factory and adapter. */
  record Store(CountingDataSource dataSource, EntityManagerFactory factory, JpaPersistence persistence) {
    Store(CountingDataSource dataSource, EntityManagerFactory factory) {
      this(dataSource, factory, JpaPersistence.create(factory));
    }
  }
}
