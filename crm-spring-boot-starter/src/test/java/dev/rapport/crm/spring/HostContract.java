package dev.rapport.crm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.lead.LeadCaptured;
import dev.rapport.crm.jpa.OutboxMessage;
import dev.rapport.crm.jpa.OutboxRelay;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.spring.host.HostApplication;
import dev.rapport.crm.spring.host.HostApplication.HeardEvents;
import dev.rapport.crm.spring.host.RequestTenant;
import dev.rapport.crm.spring.host.SignupService;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.UnexpectedRollbackException;

/**
 * What the starter promises a host, run against one database by each subclass: the host
 * application of {@code host/} starts, its {@code @Transactional} methods carry Rapport's writes
 * with their own (commit and rollback), tenants are resolved per call, listeners hear committed
 * work only, and the outbox relay bean delivers. Every test works in tenants of its own.
 */
@SpringBootTest(classes = HostApplication.class)
abstract class HostContract {
  @Autowired
  CrmProvider crms;
  @Autowired
  SignupService signups;
  @Autowired
  OutboxRelay relay;
  @Autowired
  HeardEvents heard;
  @Autowired
  JdbcTemplate jdbc;

  static TenantId newTenant() {
    return TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
  }

  static String email() {
    return "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  @Test
  void theContextStartsAndTheCrmCapturesAndReadsBackALead() {
    TenantId tenant = newTenant();
    String email = email();
    Lead lead = RequestTenant.as(tenant, () -> crms.crm().leads().capture(
        NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR).email(email).build()));

    Lead read = RequestTenant.as(tenant, () -> crms.crm().leads().get(lead.id()));
    assertThat(read.tenantId()).isEqualTo(tenant);
    assertThat(read.name()).isEqualTo(PersonName.of("Ada", "Lovelace"));
    assertThat(read.email()).map(Object::toString).contains(email);
    assertThat(crms.crm(tenant)).isSameAs(RequestTenant.as(tenant, crms::crm));
  }

  @Test
  void bothSchemasWereMigratedInTheirOwnHistoryTables() {
    assertThat(jdbc.queryForList("select \"script\" from \"flyway_schema_history\" where \"success\"", String.class))
        .contains("V1__host_orders.sql")
        .noneMatch(script -> script.contains("rapport"));
    assertThat(jdbc.queryForList("select \"version\" from \"" + RapportAutoConfiguration.SCHEMA_HISTORY_TABLE
        + "\" where \"success\" and \"version\" <> '0' order by \"installed_rank\"", String.class))
        .containsExactlyElementsOf(shippedVersions());
  }

  @Test
  void aTransactionalMethodThatCommitsLeavesTheLeadAndTheHostsOrder() {
    TenantId tenant = newTenant();
    Lead lead = RequestTenant.as(tenant, () -> signups.signUp("Grace", "Hopper", email()));

    RequestTenant.as(tenant, () -> {
      assertThat(crms.crm().leads().find(lead.id())).isPresent();
      assertThat(signups.orders()).isEqualTo(1);
      return null;
    });
    assertThat(heard.of(tenant)).singleElement().isInstanceOf(LeadCaptured.class);
    assertThat(heard.followedUp).contains(tenant);
  }

  @Test
  void aCommandThatFailedInsideTheHostsTransactionRollsItBack() {
    TenantId tenant = newTenant();
    LeadId unknown = LeadId.of(UUID.randomUUID());
    assertThatThrownBy(() -> RequestTenant.as(tenant, () -> {
      signups.signUpIgnoringAFailedCommand(email(), unknown);
      return null;
    })).isInstanceOf(UnexpectedRollbackException.class);

    assertThat(RequestTenant.as(tenant, signups::orders)).isZero();
  }

  @Test
  void aTransactionalMethodThatThrowsAfterCapturingLeavesNothing() {
    TenantId tenant = newTenant();
    assertThatThrownBy(() -> RequestTenant.as(tenant, () -> signups.signUpThenFail("Grace", "Hopper", email())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the payment was declined");

    RequestTenant.as(tenant, () -> {
      assertThat(crms.crm().leads().query(LeadQuery.all(), PageRequest.first(10)).items()).isEmpty();
      assertThat(signups.orders()).isZero();
      return null;
    });
    assertThat(heard.of(tenant)).as("a listener hears committed work only").isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from crm_outbox where tenant_id = ?", Integer.class,
        tenant.value())).isZero();
    assertThat(jdbc.queryForObject("select count(*) from crm_timeline_entry where tenant_id = ?", Integer.class,
        tenant.value())).isZero();
  }

  @Test
  void twoTenantsResolvedPerRequestSeeOnlyTheirOwnLeads() throws Exception {
    TenantId a = newTenant();
    TenantId b = newTenant();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Lead>> requests = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        requests.add(() -> RequestTenant.as(a, () -> signups.signUp("Ann", "A", email())));
        requests.add(() -> RequestTenant.as(b, () -> signups.signUp("Bob", "B", email())));
      }
      for (Future<Lead> done : pool.invokeAll(requests, 60, TimeUnit.SECONDS)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }

    for (TenantId tenant : List.of(a, b)) {
      List<Lead> seen = RequestTenant.as(tenant, () -> crms.crm().leads().query(LeadQuery.all(),
          PageRequest.first(50)).items());
      assertThat(seen).hasSize(3).allSatisfy(l -> assertThat(l.tenantId()).isEqualTo(tenant));
      assertThat(RequestTenant.as(tenant, signups::orders)).isEqualTo(3);
    }
    Crm crmOfA = crms.crm(a);
    assertThat(crmOfA.tenant()).isEqualTo(a);
    assertThat(crmOfA.leads().find(RequestTenant.as(b, () -> crms.crm().leads()
        .query(LeadQuery.all(), PageRequest.first(1)).items().get(0).id()))).isEmpty();
  }

  @Test
  void theOutboxRelayBeanDeliversTheRecordedEvents() {
    TenantId tenant = newTenant();
    Lead lead = RequestTenant.as(tenant, () -> signups.signUp("Alan", "Turing", email()));

    List<OutboxMessage> delivered = new ArrayList<>();
    while (relay.deliver(100, delivered::add) > 0) {
      // drain what other tests left as well
    }
    assertThat(delivered).filteredOn(m -> m.tenantId().equals(tenant))
        .singleElement()
        .satisfies(m -> {
          assertThat(m.eventType()).isEqualTo("LeadCaptured");
          assertThat(m.aggregateId()).isEqualTo(lead.id().value());
        });
    assertThat(relay.pending(100)).noneMatch(m -> m.tenantId().equals(tenant));
  }

  @Test
  void withoutAResolvableTenantTheHostsExceptionReachesTheCaller() {
    assertThatThrownBy(() -> crms.crm()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no request bound");
  }

  /** The versions of Rapport's shipped scripts, as the jar holds them: every one must have run. */
  static java.util.List<String> shippedVersions() {
    try {
      java.net.URL dir = dev.rapport.crm.jpa.JpaPersistence.class.getClassLoader().getResource("db/rapport/h2");
      java.nio.file.Path path;
      java.nio.file.FileSystem zip = null;
      if ("jar".equals(dir.getProtocol())) {
        zip = java.nio.file.FileSystems.newFileSystem(dir.toURI(), java.util.Map.of());
        path = zip.getPath("db/rapport/h2");
      } else {
        path = java.nio.file.Path.of(dir.toURI());
      }
      try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(path)) {
        return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
            .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
      } finally {
        if (zip != null) {
          zip.close();
        }
      }
    } catch (java.io.IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
