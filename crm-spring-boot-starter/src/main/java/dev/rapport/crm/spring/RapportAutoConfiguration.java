package dev.rapport.crm.spring;

import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.event.CrmEventListener;
import dev.rapport.crm.jpa.JpaPersistence;
import dev.rapport.crm.jpa.OutboxRelay;
import dev.rapport.crm.lead.TemperaturePolicy;
import dev.rapport.crm.opportunity.Pipeline;
import dev.rapport.crm.sales.ExchangeRates;
import dev.rapport.crm.sales.PayerPolicy;
import dev.rapport.crm.sales.SalesLedger;
import dev.rapport.crm.spi.Persistence;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.orm.jpa.EntityManagerFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Rapport on the host's JPA: active when the application has one {@code EntityManagerFactory}.
 * Every bean it defines backs off when the host defines a bean of the same type (or, for the
 * customizers, of the same name):
 *
 * <ul>
 *   <li>{@link Persistence}: a {@link SpringPersistence} on the host's factory and its one
 *       {@code PlatformTransactionManager}, joining Spring's transactions;
 *   <li>{@link RapportTenantResolver}: the fixed tenant of {@code rapport.tenant}, if set;
 *   <li>{@link CrmProvider}: one {@code Crm} per tenant, with the host's {@code Clock} bean (else
 *       the system clock in UTC), every {@link CrmEventListener} bean (called after the host's
 *       transaction commits), and the host's {@code TemperaturePolicy}, {@code Pipeline},
 *       {@code SalesLedger}, {@code ExchangeRates}, {@code PayerPolicy}, {@code MailSettings}, {@code MailTransport} and {@code ConsentPolicy} beans
 *       where it has them;
 *   <li>{@link OutboxRelay}: for the host's scheduler to call; the starter starts no threads;
 *   <li>{@code rapportEntityManagerFactoryBuilderCustomizer}: adds
 *       {@link JpaPersistence#managedClassNames()} to the persistence unit that Spring Boot builds;
 *   <li>{@code rapportSchemaMigration}: migrates Rapport's tables with Flyway, in the history
 *       table {@value #SCHEMA_HISTORY_TABLE}, after the host's own Flyway migration and before the
 *       {@code EntityManagerFactory} starts (off with {@code rapport.flyway.enabled=false}).
 * </ul>
 *
 * @since 0.1
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
    "org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration",
    "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"})
@ConditionalOnClass({EntityManagerFactory.class, JpaPersistence.class, EntityManagerFactoryUtils.class})
@ConditionalOnSingleCandidate(EntityManagerFactory.class)
@EnableConfigurationProperties(RapportProperties.class)
public class RapportAutoConfiguration {
  /** The table in which Flyway records the versions of Rapport's schema. */
  public static final String SCHEMA_HISTORY_TABLE = "rapport_schema_history";

  /** Made by Spring Boot. */
  public RapportAutoConfiguration() {}

  /**
   * Rapport's store: the host's factory, in Spring's transactions.
   *
   * @param factory the host's entity manager factory
   * @param transactionManager the host's transaction manager
   * @return the store
   * @throws IllegalArgumentException if the persistence unit does not manage Rapport's entities
   */
  @Bean
  @ConditionalOnMissingBean(Persistence.class)
  @ConditionalOnSingleCandidate(PlatformTransactionManager.class)
  public SpringPersistence rapportPersistence(EntityManagerFactory factory,
      PlatformTransactionManager transactionManager) {
    return SpringPersistence.create(factory, transactionManager);
  }

  /**
   * The one tenant of {@code rapport.tenant}, when the host resolves none itself.
   *
   * @param properties Rapport's settings
   * @return a resolver that always names that tenant
   * @throws ValidationException (field {@code rapport.tenant}) if it is not a valid tenant id
   */
  @Bean
  @ConditionalOnMissingBean(RapportTenantResolver.class)
  @ConditionalOnProperty(prefix = "rapport", name = "tenant")
  public RapportTenantResolver rapportTenantResolver(RapportProperties properties) {
    try {
      return new FixedTenant(TenantId.of(properties.tenant()));
    } catch (ValidationException e) {
      throw new ValidationException("rapport.tenant", e.rule());
    }
  }

  private record FixedTenant(TenantId tenant) implements RapportTenantResolver {
    @Override
    public TenantId currentTenant() {
      return tenant;
    }
  }

  /**
   * The {@code Crm} of each tenant. Listeners and policies are looked up when a tenant's
   * {@code Crm} is first built, so a listener may itself use the provider.
   *
   * @param persistence Rapport's store
   * @param properties Rapport's settings
   * @param resolver the host's tenant resolver, or the fixed tenant's
   * @param clock the host's clock, if it has one
   * @param listeners the host's event listeners
   * @param temperaturePolicy the host's temperature policy, if it has one
   * @param pipeline the host's pipeline, if it has one
   * @param salesLedger the host's sales ledger, if it has one
   * @param exchangeRates the host's exchange rates, if it has them
   * @param payerPolicy the host's payer policy, if it has one
   * @return the provider
   * @throws IllegalStateException if there is neither a {@link RapportTenantResolver} bean nor
   *     a {@code rapport.tenant} (reported by {@link RapportFailureAnalyzer} with what to do)
   * @throws ValidationException (field {@code rapport.reporting-currency}) if it is not an ISO
   *     4217 code
   */
  @Bean
  @ConditionalOnMissingBean(CrmProvider.class)
  @ConditionalOnBean(Persistence.class)
  public CrmProvider crmProvider(Persistence persistence, RapportProperties properties,
      ObjectProvider<RapportTenantResolver> resolver, ObjectProvider<Clock> clock,
      ObjectProvider<CrmEventListener> listeners, ObjectProvider<TemperaturePolicy> temperaturePolicy,
      ObjectProvider<Pipeline> pipeline, ObjectProvider<SalesLedger> salesLedger,
      ObjectProvider<ExchangeRates> exchangeRates, ObjectProvider<PayerPolicy> payerPolicy,
      ObjectProvider<dev.rapport.crm.mail.MailSettings> mailSettings,
      ObjectProvider<dev.rapport.crm.mail.MailTransport> mailTransport,
      ObjectProvider<dev.rapport.crm.campaign.ConsentPolicy> consentPolicy) {
    RapportTenantResolver tenants = resolver.getIfAvailable();
    if (tenants == null) {
      throw new RapportConfigurationException("Rapport needs to know whose data it stores (its tenant), and"
          + " the application names none: there is neither a RapportTenantResolver bean nor a rapport.tenant property.",
          "Set rapport.tenant=<your tenant id> (for example in application.properties) if the application serves"
          + " one tenant, or define a RapportTenantResolver bean that names the tenant of the current request.");
    }
    String currency = properties.reportingCurrency();
    try {
      Crm.builder().reportingCurrency(currency); // refuses a bad code at startup
    } catch (ValidationException e) {
      throw new ValidationException("rapport.reporting-currency", e.rule());
    }
    String actor = properties.actor();
    try {
      Crm.builder().actor(actor); // refuses a blank or too long actor at startup
    } catch (ValidationException e) {
      throw new ValidationException("rapport.actor", e.rule());
    }
    return new TenantCrms(tenants, tenant -> {
      Crm.Builder builder = Crm.builder()
          .persistence(persistence)
          .tenant(tenant)
          .clock(clock.getIfUnique(Clock::systemUTC))
          .reportingCurrency(currency)
          .actor(actor)
          .auditTrail(properties.auditTrail());
      List<CrmEventListener> all = listeners.orderedStream().toList();
      all.forEach(l -> builder.listener(new AfterCommitListener(l)));
      temperaturePolicy.ifUnique(builder::temperaturePolicy);
      pipeline.ifUnique(builder::pipeline);
      salesLedger.ifUnique(builder::salesLedger);
      exchangeRates.ifUnique(builder::exchangeRates);
      payerPolicy.ifUnique(builder::payerPolicy);
      mailSettings.ifUnique(builder::mail);
      mailTransport.ifUnique(builder::mailTransport);
      consentPolicy.ifUnique(builder::consentPolicy);
      return builder.build();
    });
  }

  /**
   * The outbox relay, for the host to call from its scheduler (e.g. a {@code @Scheduled} method).
   *
   * @param factory the host's entity manager factory
   * @param clock the host's clock, if it has one
   * @return the relay
   */
  @Bean
  @ConditionalOnMissingBean(OutboxRelay.class)
  public OutboxRelay rapportOutboxRelay(EntityManagerFactory factory, ObjectProvider<Clock> clock) {
    return OutboxRelay.create(factory, clock.getIfUnique(Clock::systemUTC));
  }

  /** Adds Rapport's entities to the persistence unit that Spring Boot builds. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(EntityManagerFactoryBuilder.class)
  static class Entities {
    @Bean
    @ConditionalOnMissingBean(name = "rapportEntityManagerFactoryBuilderCustomizer")
    EntityManagerFactoryBuilderCustomizer rapportEntityManagerFactoryBuilderCustomizer() {
      return builder -> builder.setPersistenceUnitPostProcessors(unit -> {
        for (String name : JpaPersistence.managedClassNames()) {
          if (!unit.getManagedClassNames().contains(name)) {
            unit.addManagedClassName(name);
          }
        }
      });
    }
  }

  /** Migrates Rapport's tables, after the host's own migration, before JPA starts. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({Flyway.class, FlywayMigrationInitializer.class})
  @ConditionalOnSingleCandidate(DataSource.class)
  @ConditionalOnProperty(prefix = "rapport.flyway", name = "enabled", matchIfMissing = true)
  static class Schema {
    @Bean
    @ConditionalOnMissingBean(name = "rapportSchemaMigration")
    RapportSchemaMigration rapportSchemaMigration(DataSource dataSource,
        ObjectProvider<FlywayMigrationInitializer> hostMigration) {
      hostMigration.orderedStream().forEach(initializer -> { }); // the host's migration runs first
      return new RapportSchemaMigration(dataSource);
    }

    @Bean
    static EntityManagerFactoryDependsOnPostProcessor rapportSchemaMigrationBeforeJpa() {
      return new EntityManagerFactoryDependsOnPostProcessor("rapportSchemaMigration");
    }
  }
}
