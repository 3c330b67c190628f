package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The transactional outbox: a command's events are written in its transaction, so exactly the
 * events of committed work reach the relay, and an event whose delivery was cut short is
 * delivered again. Each target gets a database of its own, as the relay reads all tenants.
 */
class OutboxTest {
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  private static final Map<Target, Target.Store> STORES = new EnumMap<>(Target.class);

  private static synchronized Target.Store store(Target target) {
    Target.Store store = STORES.computeIfAbsent(target, t -> t.freshStore("outbox"));
    OutboxRelay.create(store.factory()).deliver(500, m -> { }); // start from an empty outbox
    return store;
  }

  @AfterAll
  static void close() {
    STORES.values().forEach(s -> s.factory().close());
    STORES.clear();
  }

  private static Crm crm(Persistence p, TenantId tenant) {
    return Crm.builder().persistence(p).tenant(tenant).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  /** A store whose every unit of work fails after its work returned: commit never happens. */
  private static Persistence failingAtCommit(Persistence p) {
    return new Persistence() {
      @Override
      public <T> T inUnitOfWork(TenantId tenant, Function<UnitOfWork, T> work) {
        return p.inUnitOfWork(tenant, uow -> {
          work.apply(uow);
          throw new IllegalStateException("the process died before commit");
        });
      }
    };
  }

  private static List<OutboxMessage> drain(OutboxRelay relay) {
    List<OutboxMessage> all = new ArrayList<>();
    while (relay.deliver(100, all::add) > 0) {
      // until empty
    }
    return all;
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void aCommandWritesItsEventToTheOutboxWithTenantAggregateTypeAndPayload(Target target) {
    Target.Store store = store(target);
    TenantId tenant = TenantId.of("outbox-" + UUID.randomUUID());
    Lead lead = crm(store.persistence(), tenant).leads().capture(
        NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR).build());

    List<OutboxMessage> pending = OutboxRelay.create(store.factory()).pending(10);

    assertThat(pending).hasSize(1);
    OutboxMessage m = pending.get(0);
    assertThat(m.tenantId()).isEqualTo(tenant);
    assertThat(m.aggregateType()).isEqualTo("lead");
    assertThat(m.aggregateId()).isEqualTo(lead.id().value());
    assertThat(m.eventType()).isEqualTo("LeadCaptured");
    assertThat(m.occurredAt()).isEqualTo(NOW);
    assertThat(m.payload()).isEqualTo("{\"tenantId\":\"" + tenant + "\",\"occurredAt\":\"" + NOW
        + "\",\"leadId\":\"" + lead.id() + "\",\"source\":\"webinar\"}");
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void aCommandThatDoesNotCommitLeavesNoEventInTheOutbox(Target target) {
    Target.Store store = store(target);
    TenantId tenant = TenantId.of("outbox-" + UUID.randomUUID());
    Crm failing = crm(failingAtCommit(store.persistence()), tenant);

    assertThatThrownBy(() -> failing.leads().capture(
        NewLead.builder(PersonName.of("Never", "Stored"), LeadSource.WEBINAR).build()))
        .hasMessageContaining("died before commit");

    assertThat(OutboxRelay.create(store.factory()).pending(10)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void anEventWhoseDeliveryCrashedAfterCommitIsDeliveredAfterwardsAndOnlyCommittedWorkIsDelivered(Target target) {
    Target.Store store = store(target);
    TenantId tenant = TenantId.of("outbox-" + UUID.randomUUID());
    Crm crm = crm(store.persistence(), tenant);
    Lead committed = crm.leads().capture(NewLead.builder(PersonName.of("Committed"), LeadSource.WEBINAR).build());
    assertThatThrownBy(() -> crm(failingAtCommit(store.persistence()), tenant).leads()
        .capture(NewLead.builder(PersonName.of("Rolled back"), LeadSource.WEBINAR).build()))
        .isInstanceOf(StoreException.class).hasCauseInstanceOf(IllegalStateException.class);

    // the relay takes the event, and the process dies before it could mark it delivered
    OutboxRelay crashing = OutboxRelay.create(store.factory());
    assertThatThrownBy(() -> crashing.deliver(10, m -> {
      throw new IllegalStateException("crash between commit and delivery");
    })).hasMessageContaining("crash");

    // after a restart, a new relay on a new factory delivers it, once
    Target.Store restarted = new Target.Store(store.dataSource(), target.provider.factory(store.dataSource()));
    try {
      OutboxRelay relay = OutboxRelay.create(restarted.factory());
      List<OutboxMessage> delivered = drain(relay);
      assertThat(delivered).extracting(OutboxMessage::aggregateId).containsExactly(committed.id().value());
      assertThat(drain(relay)).isEmpty();
    } finally {
      restarted.factory().close();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void eventsAreDeliveredInTheOrderTheyWereRaisedAndMarkedOnlyWhenTheConsumerAcceptedThem(Target target) {
    Target.Store store = store(target);
    TenantId tenant = TenantId.of("outbox-" + UUID.randomUUID());
    Crm crm = crm(store.persistence(), tenant);
    Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Busy"), LeadSource.WEBINAR).build());
    crm.leads().changeStatus(lead.id(), LeadStatus.CONTACTED);
    crm.leads().changeStatus(lead.id(), LeadStatus.NURTURING);
    crm.leads().changeStatus(lead.id(), LeadStatus.QUALIFIED);
    OutboxRelay relay = OutboxRelay.create(store.factory());

    List<OutboxMessage> firstTwo = new ArrayList<>();
    assertThatThrownBy(() -> relay.deliver(10, m -> {
      if (firstTwo.size() == 2) {
        throw new IllegalStateException("broker down");
      }
      firstTwo.add(m);
    })).hasMessage("broker down");
    List<OutboxMessage> rest = drain(relay);

    assertThat(firstTwo).extracting(OutboxMessage::eventType).containsExactly("LeadCaptured", "LeadStatusChanged");
    assertThat(rest).extracting(OutboxMessage::eventType).containsExactly("LeadStatusChanged", "LeadStatusChanged");
    assertThat(rest.get(0).payload()).contains("\"from\":\"CONTACTED\",\"to\":\"NURTURING\"");
    assertThat(rest.get(1).payload()).contains("\"from\":\"NURTURING\",\"to\":\"QUALIFIED\"");
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void deliveredEventsArePurgedWhenTheHostAsksAndUndeliveredOnesStay(Target target) {
    Target.Store store = store(target);
    TenantId tenant = TenantId.of("outbox-" + UUID.randomUUID());
    Crm crm = crm(store.persistence(), tenant);
    crm.leads().capture(NewLead.builder(PersonName.of("Delivered"), LeadSource.WEBINAR).build());
    OutboxRelay relay = OutboxRelay.create(store.factory(), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(drain(relay)).hasSize(1);
    crm.leads().capture(NewLead.builder(PersonName.of("Pending"), LeadSource.WEBINAR).build());

    assertThat(relay.purgeDelivered(NOW)).isZero();
    assertThat(relay.purgeDelivered(NOW.plusSeconds(1))).isEqualTo(1);

    assertThat(relay.pending(10)).extracting(OutboxMessage::eventType).containsExactly("LeadCaptured");
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void theSalesEventsReachTheOutboxWithDaysAsIsoTextMoneyAsObjectsAndClassesByName(Target target) {
    Target.Store store = store(target);
    TenantId tenant = TenantId.of("outbox-" + UUID.randomUUID());
    Crm crm = crm(store.persistence(), tenant);
    var account = crm.accounts().create(dev.rapport.crm.contact.NewAccount.builder("Buyer").build());
    var invoice = crm.sales().record(dev.rapport.crm.sales.NewSale.invoice("INV-1", account.id(),
        java.time.LocalDate.of(2025, 1, 1), "EUR").dueInDays(14).line("PAPER", "10", "10.00").build()).value();
    var note = crm.sales().record(dev.rapport.crm.sales.NewSale.creditNote("CN-1", "INV-1", account.id(),
        java.time.LocalDate.of(2025, 1, 5), "EUR").line("PAPER", "-1", "10.00").build()).value();
    var payment = crm.sales().recordPayment(dev.rapport.crm.sales.NewPayment.of("PAY-1", account.id(),
        dev.rapport.crm.common.Money.of("60.00", "EUR"), java.time.LocalDate.of(2025, 1, 10), "INV-1", "50.00")).value();
    var changed = crm.sales().refreshPayerClasses();

    List<OutboxMessage> pending = OutboxRelay.create(store.factory()).pending(10);

    String head = "{\"tenantId\":\"" + tenant + "\",\"occurredAt\":\"" + NOW + "\",";
    assertThat(pending).extracting(OutboxMessage::eventType).containsExactly("AccountCreated", "SaleRecorded",
        "SaleRecorded", "PaymentRecorded", "PayerClassChanged");
    assertThat(pending.get(1).aggregateType()).isEqualTo("sale");
    assertThat(pending.get(1).payload()).isEqualTo(head + "\"saleId\":\"" + invoice.id() + "\",\"reference\":\"INV-1\","
        + "\"accountId\":\"" + account.id() + "\",\"corrects\":null,\"issuedOn\":\"2025-01-01\","
        + "\"total\":{\"amount\":\"100.00\",\"currency\":\"EUR\"},\"version\":1}");
    assertThat(pending.get(2).payload()).isEqualTo(head + "\"saleId\":\"" + note.id() + "\",\"reference\":\"CN-1\","
        + "\"accountId\":\"" + account.id() + "\",\"corrects\":\"INV-1\",\"issuedOn\":\"2025-01-05\","
        + "\"total\":{\"amount\":\"-10.00\",\"currency\":\"EUR\"},\"version\":1}");
    assertThat(pending.get(3).aggregateType()).isEqualTo("payment");
    assertThat(pending.get(3).payload()).isEqualTo(head + "\"paymentId\":\"" + payment.id() + "\",\"reference\":\"PAY-1\","
        + "\"accountId\":\"" + account.id() + "\",\"amount\":{\"amount\":\"60.00\",\"currency\":\"EUR\"},"
        + "\"paidOn\":\"2025-01-10\",\"unapplied\":{\"amount\":\"10.00\",\"currency\":\"EUR\"}}");
    // INV-1 is open (40.00 left) 47 days after its due day 2025-01-15
    assertThat(changed).singleElement().satisfies(e -> assertThat(e.worstDaysLate()).isEqualTo(47));
    assertThat(pending.get(4).aggregateType()).isEqualTo("account");
    assertThat(pending.get(4).payload()).isEqualTo(head + "\"accountId\":\"" + account.id() + "\",\"from\":\"ON_TIME\","
        + "\"to\":\"" + changed.get(0).to() + "\",\"paidLate\":0,\"openLate\":1,\"worstDaysLate\":47}");
  }
}
