package dev.rapport.crm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.jpa.OutboxRelay;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.spi.Persistence;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.Metamodel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * When the auto-configuration acts and when it backs off, on a stand-in factory (no database):
 * the host's own beans always win.
 */
class AutoConfigurationConditionsTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RapportAutoConfiguration.class));

  /** A factory whose persistence unit manages Rapport's entities, as far as the starter asks. */
  private static EntityManagerFactory factory() {
    return mock(EntityManagerFactory.class, RETURNS_DEEP_STUBS);
  }

  private final ApplicationContextRunner host = runner
      .withBean(EntityManagerFactory.class, AutoConfigurationConditionsTest::factory)
      .withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class));

  @Test
  void withoutAnEntityManagerFactoryItMakesNothing() {
    runner.withPropertyValues("rapport.tenant=acme").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(Persistence.class);
      assertThat(context).doesNotHaveBean(CrmProvider.class);
      assertThat(context).doesNotHaveBean(OutboxRelay.class);
    });
  }

  @Test
  void onTheHostsFactoryItMakesTheStoreTheProviderTheRelayAndTheEntityList() {
    host.withPropertyValues("rapport.tenant=acme").run(context -> {
      assertThat(context).hasSingleBean(SpringPersistence.class);
      assertThat(context).hasSingleBean(OutboxRelay.class);
      assertThat(context).hasBean("rapportEntityManagerFactoryBuilderCustomizer");
      assertThat(context).doesNotHaveBean("rapportSchemaMigration"); // no DataSource
      assertThat(context.getBean(CrmProvider.class).crm().tenant()).isEqualTo(TenantId.of("acme"));
      assertThat(context.getBean(RapportTenantResolver.class).currentTenant()).isEqualTo(TenantId.of("acme"));
    });
  }

  @Test
  void theHostsStoreProviderRelayAndResolverWin() {
    Persistence store = MemoryPersistence.create();
    CrmProvider provider = mock(CrmProvider.class);
    OutboxRelay relay = OutboxRelay.create(factory());
    RapportTenantResolver resolver = () -> TenantId.of("mine");
    host.withPropertyValues("rapport.tenant=acme")
        .withBean(Persistence.class, () -> store)
        .withBean(CrmProvider.class, () -> provider)
        .withBean(OutboxRelay.class, () -> relay)
        .withBean(RapportTenantResolver.class, () -> resolver)
        .run(context -> {
          assertThat(context).doesNotHaveBean(SpringPersistence.class);
          assertThat(context.getBean(Persistence.class)).isSameAs(store);
          assertThat(context.getBean(CrmProvider.class)).isSameAs(provider);
          assertThat(context.getBean(OutboxRelay.class)).isSameAs(relay);
          assertThat(context.getBean(RapportTenantResolver.class)).isSameAs(resolver);
        });
  }

  @Test
  void theProviderBuildsOnTheHostsStoreResolverAndClock() {
    Instant now = Instant.parse("2026-03-30T02:30:00Z");
    host.withBean(Persistence.class, MemoryPersistence::create)
        .withBean(RapportTenantResolver.class, () -> () -> TenantId.of("mine"))
        .withBean(Clock.class, () -> Clock.fixed(now, ZoneOffset.UTC))
        .withPropertyValues("rapport.reporting-currency=CHF")
        .run(context -> {
          Crm crm = context.getBean(CrmProvider.class).crm();
          Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR).build());
          assertThat(lead.tenantId()).isEqualTo(TenantId.of("mine"));
          assertThat(lead.createdAt()).isEqualTo(now);
          assertThat(context.getBean(CrmProvider.class).crm(TenantId.of("other")).leads().find(lead.id())).isEmpty();
        });
  }

  @Test
  void theAuditTrailNamesTheConfiguredActorAndCanBeSwitchedOff() {
    host.withBean(Persistence.class, MemoryPersistence::create)
        .withPropertyValues("rapport.tenant=acme", "rapport.actor=importer")
        .run(context -> {
          Crm crm = context.getBean(CrmProvider.class).crm();
          Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR).build());
          assertThat(crm.actor()).isEqualTo("importer");
          assertThat(crm.audit().countOfRecord(lead.id().value())).isEqualTo(1);
          assertThat(crm.as("ann").leads().changeStatus(lead.id(), dev.rapport.crm.lead.LeadStatus.CONTACTED)).isNotNull();
          assertThat(crm.audit().countByActor("ann")).isEqualTo(1);
        });
    host.withBean(Persistence.class, MemoryPersistence::create)
        .withPropertyValues("rapport.tenant=acme", "rapport.audit-trail=false")
        .run(context -> {
          Crm crm = context.getBean(CrmProvider.class).crm();
          Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR).build());
          assertThat(crm.audit().countOfRecord(lead.id().value())).isZero();
        });
    host.withBean(Persistence.class, MemoryPersistence::create)
        .withPropertyValues("rapport.tenant=acme", "rapport.actor= ")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void theHostsMailSettingsTransportAndConsentPolicyBeansAreUsed() {
    java.util.List<dev.rapport.crm.mail.MailMessage> sent = new java.util.ArrayList<>();
    host.withBean(Persistence.class, MemoryPersistence::create)
        .withPropertyValues("rapport.tenant=acme")
        .withBean(dev.rapport.crm.mail.MailSettings.class,
            () -> dev.rapport.crm.mail.MailSettings.builder().ownDomain("acme.example").build())
        .withBean(dev.rapport.crm.mail.MailTransport.class, () -> sent::add)
        .withBean(dev.rapport.crm.campaign.ConsentPolicy.class, dev.rapport.crm.campaign.ConsentPolicy::strict)
        .run(context -> {
          Crm crm = context.getBean(CrmProvider.class).crm();
          crm.contacts().create(dev.rapport.crm.contact.NewContact.builder(PersonName.of("Ada", "Lovelace"))
              .email("ada@engines.example").build());
          var logged = crm.mail().ingest(dev.rapport.crm.mail.MailMessage.builder("m1@acme.example",
                  dev.rapport.crm.mail.MailAddress.of("sam@acme.example"), Instant.parse("2026-03-30T02:30:00Z"))
              .to(dev.rapport.crm.mail.MailAddress.of("ada@engines.example")).build()).mail().orElseThrow();
          assertThat(logged.direction()).isEqualTo(dev.rapport.crm.activity.Direction.OUTBOUND);
          crm.mail().send(crm.mail().compose(dev.rapport.crm.mail.MailAddress.of("sam@acme.example"))
              .to(dev.rapport.crm.mail.MailAddress.of("ada@engines.example")).subject("Hello").build());
          assertThat(sent).extracting(dev.rapport.crm.mail.MailMessage::subject).containsExactly("Hello");
          // the strict consent policy bean: a newsletter refuses a contact without consent
          var news = crm.campaigns().plan(dev.rapport.crm.campaign.NewCampaign.builder("News",
              dev.rapport.crm.campaign.Channel.NEWSLETTER, java.time.LocalDate.of(2026, 4, 1),
              java.time.LocalDate.of(2026, 4, 30), dev.rapport.crm.common.Money.of("0.00", "EUR")).build());
          var ada = crm.contacts().findByEmail("ada@engines.example").get(0);
          org.assertj.core.api.Assertions.assertThatThrownBy(() -> crm.campaigns().addMembers(news.id(),
              java.util.List.of(dev.rapport.crm.campaign.MemberId.contact(ada.id()))))
              .isInstanceOf(ValidationException.class).hasMessageContaining("no marketing consent");
        });
  }

  @Test
  void withNeitherAResolverNorATenantStartupFailsSayingWhatToDo() {
    host.run(context -> {
      assertThat(context).getFailure().rootCause().isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("neither a RapportTenantResolver bean nor a rapport.tenant property");
      // Spring Boot prints this as "APPLICATION FAILED TO START": what is wrong, and what to do
      org.springframework.boot.diagnostics.FailureAnalysis analysis = new RapportFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).contains("Rapport needs to know whose data it stores");
      assertThat(analysis.getAction()).contains("Set rapport.tenant=").contains("define a RapportTenantResolver bean");
    });
  }

  @Test
  void aBadRapportPropertyIsAnalysedAndOtherFailuresAreLeftToSpringBoot() {
    host.withPropertyValues("rapport.tenant=acme", "rapport.reporting-currency=EURO").run(context -> {
      org.springframework.boot.diagnostics.FailureAnalysis analysis = new RapportFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).startsWith("The property rapport.reporting-currency is not valid: it must be");
      assertThat(analysis.getAction()).contains("Correct rapport.reporting-currency");
    });
    assertThat(new RapportFailureAnalyzer().analyze(new IllegalStateException("not ours"))).isNull();
    assertThat(new RapportFailureAnalyzer().analyze(new ValidationException("name", "must not be blank"))).isNull();
  }

  @Test
  void theAnalyzerIsRegisteredWithSpringBoot() throws Exception {
    StringBuilder factories = new StringBuilder();
    for (java.net.URL url : java.util.Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
      try (java.io.InputStream in = url.openStream()) {
        factories.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    assertThat(factories.toString()).containsPattern(
        "org\\.springframework\\.boot\\.diagnostics\\.FailureAnalyzer=\\\\\\s*dev\\.rapport\\.crm\\.spring\\.RapportFailureAnalyzer");
  }

  @Test
  void aMalformedTenantOrCurrencyFailsStartupNamingTheField() {
    host.withPropertyValues("rapport.tenant=no spaces").run(context -> assertThat(context).getFailure()
        .rootCause()
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("rapport.tenant")));
    host.withPropertyValues("rapport.tenant=acme", "rapport.reporting-currency=EURO").run(context ->
        assertThat(context).getFailure().rootCause()
            .isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("rapport.reporting-currency")));
  }

  @Test
  void aPersistenceUnitWithoutRapportsEntitiesFailsStartupSayingWhatToAdd() {
    EntityManagerFactory bare = mock(EntityManagerFactory.class);
    Metamodel metamodel = mock(Metamodel.class);
    when(bare.getMetamodel()).thenReturn(metamodel);
    when(metamodel.entity(org.mockito.ArgumentMatchers.any())).thenThrow(new IllegalArgumentException("not an entity"));
    runner.withBean(EntityManagerFactory.class, () -> bare)
        .withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class))
        .withPropertyValues("rapport.tenant=acme")
        .run(context -> assertThat(context).getFailure()
            .hasStackTraceContaining("the persistence unit does not manage Rapport's entities")
            .hasStackTraceContaining("JpaPersistence.managedClassNames()"));
  }

  @Test
  void aResolverThatNamesNoTenantIsRefusedWhenTheCrmIsAskedFor() {
    host.withBean(RapportTenantResolver.class, () -> () -> null).run(context ->
        assertThatThrownBy(() -> context.getBean(CrmProvider.class).crm())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("named no tenant"));
  }

  @Test
  void onADatabaseWithoutRapportsScriptsStartupFailsSayingWhatToDo() throws Exception {
    DataSource oracle = mock(DataSource.class, RETURNS_DEEP_STUBS);
    when(oracle.getConnection().getMetaData().getDatabaseProductName()).thenReturn("Oracle");
    host.withPropertyValues("rapport.tenant=acme")
        .withBean(DataSource.class, () -> oracle)
        .run(context -> assertThat(context).getFailure()
            .rootCause()
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("not for Oracle")
            .hasMessageContaining("rapport.flyway.enabled=false"));
  }

  @Test
  void withTwoTransactionManagersTheStoreIsLeftToTheHost() {
    host.withBean("second", PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class))
        .withPropertyValues("rapport.tenant=acme")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(Persistence.class);
          assertThat(context).doesNotHaveBean(CrmProvider.class);
        });
  }

  @Test
  void theSchemaMigrationAndTheEntityListBackOffWhenTheHostSaysSo() {
    EntityManagerFactoryBuilderCustomizer own = builder -> { };
    host.withPropertyValues("rapport.tenant=acme", "rapport.flyway.enabled=false")
        .withBean(DataSource.class, () -> mock(DataSource.class))
        .withBean("rapportEntityManagerFactoryBuilderCustomizer", EntityManagerFactoryBuilderCustomizer.class, () -> own)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean("rapportSchemaMigration");
          assertThat(context.getBean("rapportEntityManagerFactoryBuilderCustomizer")).isSameAs(own);
        });
  }
}
