package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.NewLead;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Joining the host's transaction: the host begins and commits (or rolls back) a transaction on
 * its own entity manager, and every Rapport command inside it takes part.
 */
class HostTransactionTest {
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

  private static Crm crm(dev.rapport.crm.spi.Persistence p, TenantId tenant) {
    return Crm.builder().persistence(p).tenant(tenant).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  private static long outboxRows(Target target, TenantId tenant) {
    EntityManager em = target.store().factory().createEntityManager();
    try {
      return em.createQuery("select count(o) from RapportOutboxEvent o where o.tenantId = :t", Long.class)
          .setParameter("t", tenant.value()).getSingleResult();
    } finally {
      em.close();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void commandsInAHostTransactionAreStoredWhenTheHostCommits(Target target) {
    TenantId tenant = TenantId.of("host-" + UUID.randomUUID());
    EntityManager host = target.store().factory().createEntityManager();
    Lead lead;
    Account account;
    try {
      host.getTransaction().begin();
      Crm joined = crm(JpaPersistence.joining(() -> host), tenant);
      lead = joined.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR).build());
      account = joined.accounts().create(NewAccount.builder("Host Ltd").externalReference("CUST-42").build());
      assertThat(joined.leads().get(lead.id())).isEqualTo(lead); // reads its own writes
      // not visible outside the host's transaction before it commits
      assertThat(crm(target.persistence(), tenant).leads().find(lead.id())).isEmpty();
      host.getTransaction().commit();
    } finally {
      host.close();
    }

    Crm own = crm(target.persistence(), tenant);
    assertThat(own.leads().get(lead.id())).isEqualTo(lead);
    assertThat(own.accounts().findByExternalReference("CUST-42")).contains(account);
    assertThat(outboxRows(target, tenant)).isEqualTo(2);
  }

  /** Many leads in one statement per table (on PostgreSQL) join the host's transaction like any write. */
  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void aBulkCaptureInAHostTransactionIsStoredOnCommitAndGoneOnRollback(Target target) {
    java.util.List<NewLead> drafts = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      drafts.add(NewLead.builder(PersonName.of("Listed " + i), LeadSource.PURCHASED_LIST)
          .email("listed" + i + "@host.example").build());
    }
    for (boolean commit : new boolean[] {true, false}) {
      TenantId tenant = TenantId.of("host-" + UUID.randomUUID());
      EntityManager host = target.store().factory().createEntityManager();
      java.util.List<Lead> stored;
      try {
        host.getTransaction().begin();
        Crm joined = crm(JpaPersistence.joining(() -> host), tenant);
        stored = joined.leads().captureAll(drafts);
        assertThat(joined.leads().get(stored.get(39).id())).isEqualTo(stored.get(39)); // reads its own writes
        assertThat(crm(target.persistence(), tenant).leads().find(stored.get(0).id())).isEmpty();
        if (commit) {
          host.getTransaction().commit();
        } else {
          host.getTransaction().rollback();
        }
      } finally {
        host.close();
      }
      Crm own = crm(target.persistence(), tenant);
      if (commit) {
        assertThat(stored).allSatisfy(l -> assertThat(own.leads().get(l.id())).isEqualTo(l));
        assertThat(outboxRows(target, tenant)).isEqualTo(40);
        assertThat(own.timeline().lead(stored.get(5).id(), dev.rapport.crm.common.PageRequest.first(10)).items())
            .hasSize(1);
      } else {
        assertThat(own.leads().find(stored.get(0).id())).isEmpty();
        assertThat(outboxRows(target, tenant)).isZero();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void aHostRollbackLeavesNoCrmDataAndNoEventBehind(Target target) {
    TenantId tenant = TenantId.of("host-" + UUID.randomUUID());
    EntityManager host = target.store().factory().createEntityManager();
    Lead lead;
    try {
      host.getTransaction().begin();
      Crm joined = crm(JpaPersistence.joining(() -> host), tenant);
      lead = joined.leads().capture(NewLead.builder(PersonName.of("Grace", "Hopper"), LeadSource.WEBINAR).build());
      joined.accounts().create(NewAccount.builder("Rolled Back Ltd").build());
      host.getTransaction().rollback();
    } finally {
      host.close();
    }

    Crm own = crm(target.persistence(), tenant);
    assertThat(own.leads().find(lead.id())).isEmpty();
    assertThat(own.accounts().findByName("Rolled Back Ltd")).isEmpty();
    assertThat(outboxRows(target, tenant)).isZero();
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void aFailingCommandMarksTheHostTransactionRollbackOnly(Target target) {
    TenantId tenant = TenantId.of("host-" + UUID.randomUUID());
    EntityManager host = target.store().factory().createEntityManager();
    try {
      host.getTransaction().begin();
      Crm joined = crm(JpaPersistence.joining(() -> host), tenant);
      joined.accounts().create(NewAccount.builder("First").externalReference("CUST-1").build());
      assertThatThrownBy(() -> joined.accounts().create(NewAccount.builder("Second").externalReference("CUST-1").build()))
          .isInstanceOf(dev.rapport.crm.exception.DuplicateException.class);
      assertThat(host.getTransaction().getRollbackOnly()).isTrue();
      host.getTransaction().rollback();
    } finally {
      host.close();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK"})
  void joiningWithoutAnActiveHostTransactionIsRefused(Target target) {
    EntityManager host = target.store().factory().createEntityManager();
    try {
      Crm joined = crm(JpaPersistence.joining(() -> host), TenantId.of("host-" + UUID.randomUUID()));
      assertThatThrownBy(() -> joined.leads().capture(NewLead.builder(PersonName.of("X"), LeadSource.OTHER).build()))
          .isInstanceOf(StoreException.class)
          .hasCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("joined to an active transaction");
    } finally {
      host.close();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "POSTGRES_HIBERNATE"})
  void theHostsPersistenceContextKeepsNoneOfRapportsRowsBetweenCommands(Target target) {
    TenantId tenant = TenantId.of("host-" + UUID.randomUUID());
    EntityManager host = target.store().factory().createEntityManager();
    try {
      host.getTransaction().begin();
      Crm joined = crm(JpaPersistence.joining(() -> host), tenant);
      for (int i = 0; i < 20; i++) {
        Lead lead = joined.leads().capture(NewLead.builder(PersonName.of("Lead " + i), LeadSource.WEBINAR).build());
        joined.leads().assign(lead.id(), "ann");
      }
      // Else every later flush in the host's long transaction dirty-checks every earlier row.
      assertThat(host.unwrap(org.hibernate.Session.class).getStatistics().getEntityCount()).isZero();
      host.getTransaction().commit();
    } finally {
      host.close();
    }
    assertThat(outboxRows(target, tenant)).isEqualTo(20);
  }
}
