package dev.rapport.crm.tck;

import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A unit of work is atomic: all of its writes are stored, or, when its work throws or a rule
 * fails at commit, none; it reads its own writes; others see them only after it commits.
 */
public abstract class UnitOfWorkContract extends ContractSupport {

  @Test
  public void whenTheWorkThrowsNothingItWroteIsStoredAndTheExceptionPropagates() {
    Lead existing = inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(Fixtures.minimalLead(tenant, START)));
    StoreSnapshot before = snapshot();
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> inUnitOfWork(uow -> {
      uow.port(LeadRepository.class).update(existing.assignTo("someone", START));
      Account a = uow.port(AccountRepository.class).insert(Fixtures.fullAccount(tenant, START));
      uow.port(ContactRepository.class).insert(Fixtures.fullContact(tenant, START, a.id()));
      uow.port(OpportunityRepository.class).insert(Fixtures.opportunity(tenant, START, a.id(), "x"));
      uow.port(LeadRepository.class).insert(Fixtures.minimalLead(tenant, START));
      throw boom;
    })).isSameAs(boom);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void everyWriteOfAUnitOfWorkIsStoredTogether() {
    Lead lead = Fixtures.minimalLead(tenant, START);
    Account account = Fixtures.fullAccount(tenant, START);
    Contact contact = Fixtures.fullContact(tenant, START, account.id());
    Opportunity opp = Fixtures.opportunity(tenant, START, account.id(), "ann");
    inUnitOfWork(uow -> {
      uow.port(LeadRepository.class).insert(lead);
      uow.port(AccountRepository.class).insert(account);
      uow.port(ContactRepository.class).insert(contact);
      uow.port(OpportunityRepository.class).insert(opp);
      return null;
    });
    StoreSnapshot after = snapshot();
    assertThat(after.leads()).containsExactly(versioned(lead, 1));
    assertThat(after.accounts()).containsExactly(versioned(account, 1));
    assertThat(after.contacts()).containsExactly(versioned(contact, 1));
    assertThat(after.opportunities()).containsExactly(versioned(opp, 1));
  }

  @Test
  public void readsInsideAUnitOfWorkSeeItsOwnWrites() {
    Lead lead = Fixtures.lead(tenant, START, LeadStatus.NEW, Temperature.HOT, LeadSource.WEBINAR, "ann", "Own@Writes.example");
    Account account = Fixtures.fullAccount(tenant, START);
    Contact contact = Fixtures.fullContact(tenant, START, account.id());
    Opportunity opp = Fixtures.opportunity(tenant, START, account.id(), "ann");
    inUnitOfWork(uow -> {
      Lead l = uow.port(LeadRepository.class).insert(lead);
      assertThat(uow.port(LeadRepository.class).find(lead.id())).contains(l);
      assertThat(uow.port(LeadRepository.class).findByEmail(EmailAddress.of("own@writes.EXAMPLE"))).containsExactly(l);
      assertThat(uow.port(LeadRepository.class).query(LeadQuery.all().withTemperatures(Set.of(Temperature.HOT)), PageRequest.first(10)).items())
          .containsExactly(l);
      Lead l2 = uow.port(LeadRepository.class).update(l.withScore(5, START));
      assertThat(uow.port(LeadRepository.class).find(lead.id())).contains(l2);
      assertThat(l2.version()).isEqualTo(2);

      Account a = uow.port(AccountRepository.class).insert(account);
      assertThat(uow.port(AccountRepository.class).find(account.id())).contains(a);
      assertThat(uow.port(AccountRepository.class).findByNameKey(account.nameKey())).containsExactly(a);
      assertThat(uow.port(AccountRepository.class).findByDomain("mueller-soehne.de")).containsExactly(a);
      assertThat(uow.port(AccountRepository.class).findByExternalReference(account.externalReference().orElseThrow())).contains(a);
      assertThat(uow.port(AccountRepository.class).list(PageRequest.first(10)).items()).containsExactly(a);

      Contact c = uow.port(ContactRepository.class).insert(contact);
      assertThat(uow.port(ContactRepository.class).find(contact.id())).contains(c);
      assertThat(uow.port(ContactRepository.class).findByEmail(EmailAddress.of("ada.l@home.example"))).containsExactly(c);
      assertThat(uow.port(ContactRepository.class).findByAccount(account.id(), PageRequest.first(10)).items()).containsExactly(c);
      assertThat(uow.port(ContactRepository.class).list(PageRequest.first(10)).items()).containsExactly(c);

      Opportunity o = uow.port(OpportunityRepository.class).insert(opp);
      assertThat(uow.port(OpportunityRepository.class).find(opp.id())).contains(o);
      assertThat(uow.port(OpportunityRepository.class).query(OpportunityQuery.all().withAccount(account.id()), PageRequest.first(10)).items())
          .containsExactly(o);
      return null;
    });
    assertThat(storedLead(lead.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  public void aRecordChangedInsideAUnitOfWorkLeavesTheOldIndexEntriesOfThatUnit() {
    Lead stored = inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(
        Fixtures.lead(tenant, START, LeadStatus.NEW, Temperature.COLD, LeadSource.WEBINAR, "ann", "old@mail.example")));
    inUnitOfWork(uow -> {
      Lead moved = uow.port(LeadRepository.class).update(stored.moveTo(LeadStatus.CONTACTED, START).assignTo("bob", START));
      assertThat(uow.port(LeadRepository.class).query(LeadQuery.all().withStatuses(Set.of(LeadStatus.NEW)), PageRequest.first(10)).items()).isEmpty();
      assertThat(uow.port(LeadRepository.class).query(LeadQuery.all().withOwner("ann"), PageRequest.first(10)).items()).isEmpty();
      assertThat(uow.port(LeadRepository.class).query(LeadQuery.all().withOwner("bob"), PageRequest.first(10)).items()).containsExactly(moved);
      return null;
    });
    assertThat(crm.leads().query(LeadQuery.all().withOwner("ann"), PageRequest.first(10)).items()).isEmpty();
    assertThat(crm.leads().query(LeadQuery.all().withStatuses(Set.of(LeadStatus.CONTACTED)), PageRequest.first(10)).items())
        .extracting(Lead::id).containsExactly(stored.id());
  }

  @Test
  public void writesOfAUnitOfWorkAreInvisibleToOthersUntilItCommits() {
    Lead lead = Fixtures.minimalLead(tenant, START);
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch looked = new CountDownLatch(1);
    CompletableFuture<Lead> writer = Threads.start("writer", () -> inUnitOfWork(uow -> {
      Lead l = uow.port(LeadRepository.class).insert(lead);
      written.countDown();
      Threads.await(looked);
      return l;
    }));
    Threads.await(written);
    Optional<Lead> seenBefore = storedLead(lead.id());
    looked.countDown();
    assertThat(Threads.outcome(writer)).isEqualTo(versioned(lead, 1));
    assertThat(seenBefore).isEmpty();
    assertThat(storedLead(lead.id())).contains(versioned(lead, 1));
  }

  @Test
  public void aRecordInsertedAndUpdatedInOneUnitOfWorkIsStoredAtItsLastVersion() {
    Lead lead = Fixtures.minimalLead(tenant, START);
    Lead last = inUnitOfWork(uow -> {
      Lead v1 = uow.port(LeadRepository.class).insert(lead);
      Lead v2 = uow.port(LeadRepository.class).update(v1.assignTo("ann", START));
      return uow.port(LeadRepository.class).update(v2.withScore(9, START));
    });
    assertThat(last.version()).isEqualTo(3);
    assertThat(storedLead(lead.id())).contains(last);
  }

  @Test
  public void twoAccountsWithOneExternalReferenceInOneUnitOfWorkAreRefusedAndNothingIsStored() {
    StoreSnapshot before = snapshot();
    Account first = Fixtures.fullAccount(tenant, START);
    Account second = new Account(Fixtures.minimalAccount(tenant, START, "Second").id(), tenant, 0,
        "Second", Optional.empty(), first.externalReference(), Optional.empty(), Optional.empty(), START, START, dev.rapport.crm.field.CustomFields.empty());
    assertThatThrownBy(() -> inUnitOfWork(uow -> {
      uow.port(LeadRepository.class).insert(Fixtures.minimalLead(tenant, START));
      uow.port(AccountRepository.class).insert(first);
      uow.port(AccountRepository.class).insert(second);
      return null;
    })).isInstanceOf(DuplicateException.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void anExternalReferenceHeldByAStoredAccountIsRefusedOnInsertAndOnUpdate() {
    Account holder = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.fullAccount(tenant, START)));
    Account other = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.minimalAccount(tenant, START, "Other")));
    StoreSnapshot before = snapshot();
    String ref = holder.externalReference().orElseThrow();
    Account clash = new Account(Fixtures.minimalAccount(tenant, START, "Clash").id(), tenant, 0, "Clash",
        Optional.empty(), Optional.of(ref), Optional.empty(), Optional.empty(), START, START, dev.rapport.crm.field.CustomFields.empty());
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(clash)))
        .isInstanceOf(DuplicateException.class);
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(AccountRepository.class).update(other.withExternalReference(ref, START))))
        .isInstanceOf(DuplicateException.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void anExternalReferenceReleasedInTheSameUnitOfWorkMayBeTakenByAnotherAccount() {
    Account holder = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.fullAccount(tenant, START)));
    Account other = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.minimalAccount(tenant, START, "Other")));
    String ref = holder.externalReference().orElseThrow();
    inUnitOfWork(uow -> {
      uow.port(AccountRepository.class).update(holder.withExternalReference("NEW-" + ref, START));
      return uow.port(AccountRepository.class).update(other.withExternalReference(ref, START));
    });
    assertThat(crm.accounts().findByExternalReference(ref)).map(Account::id).contains(other.id());
    assertThat(crm.accounts().findByExternalReference("NEW-" + ref)).map(Account::id).contains(holder.id());
  }
}
