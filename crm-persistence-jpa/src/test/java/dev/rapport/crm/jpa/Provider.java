package dev.rapport.crm.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The JPA providers the adapter is tested with, each bootstrapped as a container would, on a data
 * source of the test's choosing, with Rapport's entities listed as a host lists them. Hibernate
 * validates the mapping against the tables the shipped script made; EclipseLink generates no DDL.
 * Both send inserts in JDBC batches.
 */
enum Provider {
  HIBERNATE(org.hibernate.jpa.HibernatePersistenceProvider.class.getName()) {
    @Override
    Map<String, Object> properties() {
      Map<String, Object> p = new HashMap<>();
      p.put("hibernate.hbm2ddl.auto", "validate");
      p.put("hibernate.jdbc.batch_size", "1000");
      p.put("hibernate.order_inserts", "true");
      p.put("hibernate.order_updates", "true");
      p.put("hibernate.show_sql", "false");
      p.put("hibernate.type.java_time_use_direct_jdbc", "true");
      return p;
    }
  },
  ECLIPSELINK(org.eclipse.persistence.jpa.PersistenceProvider.class.getName()) {
    @Override
    Map<String, Object> properties() {
      Map<String, Object> p = new HashMap<>();
      p.put("eclipselink.jdbc.batch-writing", "JDBC");
      p.put("eclipselink.jdbc.batch-writing.size", "1000");
      p.put("eclipselink.weaving", "false");
      p.put("eclipselink.logging.level", "SEVERE");
      p.put("eclipselink.ddl-generation", "none");
      return p;
    }

    /**
     * EclipseLink 4.0 binds a null UUID as VARCHAR, which PostgreSQL refuses for a uuid column;
     * {@code stringtype=unspecified} lets the server type the parameter (EclipseLink issue 2717).
     */
    @Override
    Map<String, String> driverProperties(Database database) {
      return database == Database.POSTGRES || database == Database.EXTERNAL_POSTGRES
          ? Map.of("stringtype", "unspecified") : Map.of();
    }
  };

  private static final AtomicInteger UNITS = new AtomicInteger();

  private final String providerClass;

  Provider(String providerClass) {
    this.providerClass = providerClass;
  }

  abstract Map<String, Object> properties();

  /** JDBC driver properties this provider needs on the database. */
  Map<String, String> driverProperties(Database database) {
    return Map.of();
  }

  EntityManagerFactory factory(DataSource dataSource) {
    return factory(dataSource, Map.of());
  }

  EntityManagerFactory factory(DataSource dataSource, Map<String, Object> extra) {
    PersistenceProvider provider;
    try {
      provider = (PersistenceProvider) Class.forName(providerClass).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Object> properties = new HashMap<>(properties());
    properties.putAll(extra);
    // A name of its own for every factory: EclipseLink keeps one session per unit name and would
    // otherwise hand a second factory the first one's database.
    String unitName = "rapport-test-" + UNITS.incrementAndGet();
    return provider.createContainerEntityManagerFactory(new Unit(unitName, providerClass, dataSource), properties);
  }

  /** A persistence unit as a host would declare it: Rapport's entities, resource-local. */
  private record Unit(String name, String providerClass, DataSource dataSource) implements PersistenceUnitInfo {
    @Override
    public String getPersistenceUnitName() {
      return name;
    }

    @Override
    public String getPersistenceProviderClassName() {
      return providerClass;
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
      return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
      return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
      return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
      return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
      return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
      return JpaPersistence.class.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    public List<String> getManagedClassNames() {
      return JpaPersistence.managedClassNames();
    }

    @Override
    public boolean excludeUnlistedClasses() {
      return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
      return SharedCacheMode.UNSPECIFIED;
    }

    @Override
    public ValidationMode getValidationMode() {
      return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
      return new Properties();
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
      return "3.1";
    }

    @Override
    public ClassLoader getClassLoader() {
      return Provider.class.getClassLoader();
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
      // no weaving or enhancement in tests
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
      return Provider.class.getClassLoader();
    }
  }
}
