package dev.rapport.crm.tck;

import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.opportunity.Opportunity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every aggregate, with every field populated or every optional field empty, comes back from the
 * store exactly as it was saved (records compare by value), at version 1 after insert and one
 * more after each update; the version rules of insert and update hold.
 */
public abstract class RoundTripContract extends ContractSupport {

  private Lead saveAndLoad(Lead lead) {
    Lead stored = inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(lead));
    assertThat(stored).isEqualTo(versioned(lead, 1));
    return storedLead(lead.id()).orElseThrow();
  }

  @Test
  public void aConvertedLeadWithEveryFieldSignalsOverrideAndConversionLinksRoundTripsUnchanged() {
    Lead lead = Fixtures.convertedLead(tenant, START);
    assertThat(saveAndLoad(lead)).isEqualTo(versioned(lead, 1));
  }

  @Test
  public void aDisqualifiedLeadWithItsReasonRoundTripsUnchanged() {
    Lead lead = Fixtures.disqualifiedLead(tenant, START);
    assertThat(saveAndLoad(lead)).isEqualTo(versioned(lead, 1));
  }

  @Test
  public void aLeadWithEveryOptionalFieldEmptyRoundTripsUnchanged() {
    Lead lead = Fixtures.minimalLead(tenant, START);
    assertThat(saveAndLoad(lead)).isEqualTo(versioned(lead, 1));
  }

  @Test
  public void aContactWithSeveralEmailsAndPhonesConsentAndOriginLeadRoundTripsUnchanged() {
    Account account = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.fullAccount(tenant, START)));
    Contact contact = Fixtures.fullContact(tenant, START, account.id());
    assertThat(this.<Contact>inUnitOfWork(uow -> uow.port(ContactRepository.class).insert(contact))).isEqualTo(versioned(contact, 1));
    Contact loaded = storedContact(contact.id()).orElseThrow();
    assertThat(loaded).isEqualTo(versioned(contact, 1));
    assertThat(loaded.emails()).containsExactlyElementsOf(contact.emails()); // order is kept: primary first
    assertThat(loaded.emails().get(0).address()).isEqualTo("Ada@Analytical.example"); // case as given
  }

  @Test
  public void aContactWithEveryOptionalFieldEmptyRoundTripsUnchanged() {
    Contact contact = Fixtures.minimalContact(tenant, START);
    inUnitOfWork(uow -> uow.port(ContactRepository.class).insert(contact));
    assertThat(storedContact(contact.id())).contains(versioned(contact, 1));
  }

  @Test
  public void anAccountWithEveryFieldRoundTripsUnchanged() {
    Account account = Fixtures.fullAccount(tenant, START);
    assertThat(this.<Account>inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(account))).isEqualTo(versioned(account, 1));
    assertThat(storedAccount(account.id())).contains(versioned(account, 1));
  }

  @Test
  public void anAccountWithEveryOptionalFieldEmptyRoundTripsUnchanged() {
    Account account = Fixtures.minimalAccount(tenant, START, "Bare");
    inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(account));
    assertThat(storedAccount(account.id())).contains(versioned(account, 1));
  }

  @Test
  public void aLostOpportunityWithHistoryReasonAndCloseTimeRoundTripsUnchanged() {
    Account account = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.fullAccount(tenant, START)));
    Contact contact = inUnitOfWork(uow -> uow.port(ContactRepository.class).insert(Fixtures.fullContact(tenant, START, account.id())));
    Opportunity o = Fixtures.lostOpportunity(tenant, START, account.id(), contact.id());
    assertThat(this.<Opportunity>inUnitOfWork(uow -> uow.port(OpportunityRepository.class).insert(o))).isEqualTo(versioned(o, 1));
    Opportunity loaded = storedOpportunity(o.id()).orElseThrow();
    assertThat(loaded).isEqualTo(versioned(o, 1));
    assertThat(loaded.history()).containsExactlyElementsOf(o.history());
    assertThat(loaded.amount().amount()).isEqualByComparingTo("12345.67");
  }

  @Test
  public void anOpenOpportunityWithOverriddenProbabilityInACurrencyWithoutDecimalsRoundTripsUnchanged() {
    Account account = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.minimalAccount(tenant, START, "Yen Co")));
    Opportunity o = Fixtures.overriddenOpportunity(tenant, START, account.id());
    inUnitOfWork(uow -> uow.port(OpportunityRepository.class).insert(o));
    assertThat(storedOpportunity(o.id())).contains(versioned(o, 1));
  }

  @Test
  public void versionsCountOneTwoThreeWithEachStoredUpdate() {
    Lead lead = Fixtures.lead(tenant, START, LeadStatus.NEW, Temperature.COLD,
        dev.rapport.crm.common.LeadSource.WEBINAR, null, null);
    Lead v1 = inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(lead));
    Lead v2 = inUnitOfWork(uow -> uow.port(LeadRepository.class).update(v1.assignTo("ann", START)));
    Lead v3 = inUnitOfWork(uow -> uow.port(LeadRepository.class).update(v2.withScore(40, START)));
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v3.version()).isEqualTo(3);
    Lead loaded = storedLead(lead.id()).orElseThrow();
    assertThat(loaded).isEqualTo(v3);
    assertThat(loaded.owner()).contains("ann");
    assertThat(loaded.score()).isEqualTo(40);
  }

  @Test
  public void updatesOfEveryKindStoreTheChangedRecordAtTheNextVersion() {
    Account a1 = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.fullAccount(tenant, START)));
    Account a2 = inUnitOfWork(uow -> uow.port(AccountRepository.class).update(a1.rename("Renamed", START)));
    Contact c1 = inUnitOfWork(uow -> uow.port(ContactRepository.class).insert(Fixtures.minimalContact(tenant, START)));
    Contact c2 = inUnitOfWork(uow -> uow.port(ContactRepository.class).update(c1.attachTo(a1.id(), START)));
    Opportunity o1 = inUnitOfWork(uow -> uow.port(OpportunityRepository.class).insert(Fixtures.opportunity(tenant, START, a1.id(), null)));
    Opportunity o2 = inUnitOfWork(uow -> uow.port(OpportunityRepository.class).update(o1.overrideProbability(33, START)));
    assertThat(storedAccount(a1.id())).contains(a2);
    assertThat(storedContact(c1.id())).contains(c2);
    assertThat(storedOpportunity(o1.id())).contains(o2);
    assertThat(a2.version()).isEqualTo(2);
    assertThat(c2.version()).isEqualTo(2);
    assertThat(o2.version()).isEqualTo(2);
  }

  @Test
  public void insertOfARecordWhoseVersionIsNotZeroIsRefused() {
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(versioned(Fixtures.minimalLead(tenant, START), 3))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(versioned(Fixtures.fullAccount(tenant, START), 1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(ContactRepository.class).insert(versioned(Fixtures.minimalContact(tenant, START), 1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void writingARecordOfAnotherTenantIsRefused() {
    TenantId other = freshTenant();
    Lead foreign = Fixtures.minimalLead(other, START);
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(foreign)))
        .isInstanceOf(IllegalArgumentException.class);
    Lead mine = inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(Fixtures.minimalLead(tenant, START)));
    Lead disguised = new Lead(mine.id(), other, mine.version(), mine.name(), mine.email(), mine.phone(),
        mine.company(), mine.title(), mine.source(), mine.sourceDetail(), mine.status(),
        mine.disqualificationReason(), mine.signals(), mine.temperature(), mine.temperatureOverride(),
        Optional.of("thief"), mine.score(), mine.createdAt(), mine.updatedAt(), mine.convertedTo());
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(LeadRepository.class).update(disguised)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(storedLead(mine.id())).contains(mine);
    assertThat(persistence.<Optional<Lead>>inUnitOfWork(other, uow -> uow.port(LeadRepository.class).find(mine.id()))).isEmpty();
  }

  @Test
  public void updateOfAnIdTheTenantDoesNotHaveThrowsNotFound() {
    Lead never = versioned(Fixtures.minimalLead(tenant, START), 1);
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(LeadRepository.class).update(never)))
        .isInstanceOf(NotFoundException.class);
    Account acc = versioned(Fixtures.minimalAccount(tenant, START, "Ghost"), 1);
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(AccountRepository.class).update(acc)))
        .isInstanceOf(NotFoundException.class);
    assertThat(snapshot().size()).isZero();
  }

  @Test
  public void insertOfAnIdThatIsTakenThrowsDuplicate() {
    Lead lead = Fixtures.minimalLead(tenant, START);
    Lead stored = inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(lead));
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(lead.assignTo("other", START))))
        .isInstanceOf(DuplicateException.class);
    assertThat(storedLead(lead.id())).contains(stored);
  }

  @Test
  public void anUpdateFromAStaleVersionIsRefusedAndTheStoredRecordStays() {
    Lead v1 = inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(Fixtures.minimalLead(tenant, START)));
    Lead v2 = inUnitOfWork(uow -> uow.port(LeadRepository.class).update(v1.assignTo("winner", START)));
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(LeadRepository.class).update(v1.assignTo("loser", START))))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(LeadRepository.class).update(versioned(v2, 7))))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(storedLead(v1.id())).contains(v2);
  }
}
