package dev.rapport.crm.jpa;

import jakarta.persistence.EntityManagerFactory;

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
  MARIADB_ECLIPSELINK(Database.MARIADB, Provider.ECLIPSELINK);

  final Database database;
  final Provider provider;
  private Store store;
  private RuntimeException failure;

  Target(Database database, Provider provider) {
    this.database = database;
    this.provider = provider;
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

  JpaPersistence persistence() {
    return store().persistence();
  }

  /** A target's data source, factory and adapter. */
  record Store(CountingDataSource dataSource, EntityManagerFactory factory, JpaPersistence persistence) {
    Store(CountingDataSource dataSource, EntityManagerFactory factory) {
      this(dataSource, factory, JpaPersistence.create(factory));
    }
  }
}
