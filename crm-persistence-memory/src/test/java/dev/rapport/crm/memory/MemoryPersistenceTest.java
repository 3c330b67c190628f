package dev.rapport.crm.memory;

import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.lead.LeadRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MemoryPersistenceTest {
  private static final Instant T0 = Instant.parse("2025-01-06T08:00:00Z");
  private final TestClock clock = TestClock.at(T0);
  private final MemoryPersistence store = MemoryPersistence.create();
  private final TenantId tenant = TenantId.of("t1");
  private final Crm crm = Crm.builder().persistence(store).tenant(tenant).clock(clock).build();

  private Lead lead(String name) {
    return crm.leads().capture(NewLead.builder(PersonName.of(name), LeadSource.WEBINAR).build());
  }

  @Test
  void aStaleUpdateIsCaughtAtCommitWhenTheOtherUnitCommittedAfterTheCall() {
    Lead v1 = lead("Ada");
    assertThatThrownBy(() -> store.inUnitOfWork(tenant, outer -> {
      outer.port(LeadRepository.class).update(v1.withScore(1, T0)); // passes at call time: stored version is 1
      store.inUnitOfWork(tenant, inner -> inner.port(LeadRepository.class).update(v1.withScore(2, T0))); // commits first
      return null;
    })).isInstanceOf(ConcurrentUpdateException.class);
    assertThat(crm.leads().get(v1.id()).score()).isEqualTo(2);
    assertThat(crm.leads().get(v1.id()).version()).isEqualTo(2);
  }

  @Test
  void anExternalReferenceTakenByAnotherUnitBeforeCommitIsRefusedAtCommitAndNothingIsStored() {
    lead("x");
    assertThatThrownBy(() -> store.inUnitOfWork(tenant, outer -> {
      outer.port(LeadRepository.class).insert(Samples.lead(tenant, T0));
      outer.port(AccountRepository.class).insert(Samples.account(tenant, T0, "Mine", "CUST-7"));
      store.inUnitOfWork(tenant, inner -> inner.port(AccountRepository.class).insert(Samples.account(tenant, T0, "Theirs", "CUST-7")));
      return null;
    })).isInstanceOf(DuplicateException.class);
    List<Account> all = crm.accounts().list(PageRequest.first(10)).items();
    assertThat(all).extracting(Account::name).containsExactly("Theirs");
    assertThat(crm.leads().query(LeadQuery.all(), PageRequest.first(10)).items()).hasSize(1); // only lead("x")
  }

  @Test
  void aUnitOfWorkCannotBeUsedAfterItsWorkReturned() {
    AtomicReference<UnitOfWork> leaked = new AtomicReference<>();
    store.inUnitOfWork(tenant, uow -> {
      leaked.set(uow);
      return null;
    });
    assertThatThrownBy(() -> leaked.get().port(LeadRepository.class)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void returnedListsAndRecordsCannotChangeStoredState() {
    Lead l = crm.leads().capture(NewLead.builder(PersonName.of("Imm"), LeadSource.WEBINAR).email("imm@x.example").build());
    List<Lead> found = crm.leads().findByEmail("imm@x.example");
    assertThatThrownBy(() -> found.clear()).isInstanceOf(UnsupportedOperationException.class);
    List<Lead> page = crm.leads().query(LeadQuery.all(), PageRequest.first(5)).items();
    assertThatThrownBy(() -> page.add(l)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> l.signals().add(null)).isInstanceOf(UnsupportedOperationException.class);
    Lead changedCopy = l.withScore(99, T0); // a changed value that is never saved
    assertThat(changedCopy.score()).isEqualTo(99);
    assertThat(crm.leads().get(l.id())).isEqualTo(l);
    assertThat(crm.leads().findByEmail("imm@x.example")).containsExactly(l);
  }

  @Test
  void theOneLineSetupGivesAFreshStoreForTenantTestOnTheGivenClock() {
    Crm a = MemoryPersistence.crm(clock);
    Crm b = MemoryPersistence.crm(clock);
    Lead lead = a.leads().capture(NewLead.builder(PersonName.of("One"), LeadSource.WEBINAR).build());
    assertThat(a.tenant()).isEqualTo(TenantId.of("test"));
    assertThat(lead.createdAt()).isEqualTo(T0);
    assertThat(b.leads().find(lead.id())).isEmpty();
  }

  @Test
  void theTestClockAgesLeadsSoTheirTemperatureCools() {
    Crm test = MemoryPersistence.crm(clock);
    Lead lead = test.leads().capture(NewLead.builder(PersonName.of("Hot"), LeadSource.WEBINAR).build());
    assertThat(test.leads().recordSignal(lead.id(), SignalType.DEMO_REQUEST).temperature()).isEqualTo(Temperature.HOT);
    assertThat(clock.advance(Duration.ofDays(31))).isEqualTo(T0.plus(Duration.ofDays(31)));
    assertThat(test.leads().refreshTemperatures()).isEqualTo(1);
    assertThat(test.leads().get(lead.id()).temperature()).isEqualTo(Temperature.WARM);
    clock.set(T0.plus(Duration.ofDays(200)));
    test.leads().refreshTemperatures();
    assertThat(test.leads().get(lead.id()).temperature()).isEqualTo(Temperature.COLD);
    assertThat(test.leads().query(LeadQuery.all().withTemperatures(Set.of(Temperature.COLD)), PageRequest.first(5)).items())
        .extracting(Lead::id).containsExactly(lead.id());
  }

  @Test
  void aNewAccountWithAReferenceIsFoundThroughTheIndex() {
    Account a = crm.accounts().create(NewAccount.builder("Indexed").externalReference("R-1").build());
    assertThat(crm.accounts().findByExternalReference("R-1")).contains(a);
    crm.accounts().linkExternalReference(a.id(), "R-2");
    assertThat(crm.accounts().findByExternalReference("R-1")).isEmpty();
    assertThat(crm.accounts().findByExternalReference("R-2")).map(Account::id).isEqualTo(Optional.of(a.id()));
  }
}
