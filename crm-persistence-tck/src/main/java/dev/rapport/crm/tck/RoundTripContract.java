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

  /**
   * Many leads stored at once ({@code insertAll}: one statement per table on PostgreSQL) come back
   * exactly as those stored one by one: every field, every optional field empty, and texts that
   * an encoding of many rows in one value could break (quotes, backslashes, braces, commas, the
   * word NULL, blanks, line breaks, accents, emoji).
   */
  @Test
  public void manyLeadsStoredAtOnceRoundTripUnchangedWhateverTheirText() {
    String[] texts = {"say \"hi\"", "back\\slash \\\"", "{braces}, and, commas", "NULL", "null",
        "two\nlines\tand a tab", "Zoë Ångström-O'Neil", "emoji \uD83D\uDE00 here", "(1,2)", "\"\"",
        "trailing backslash \\"};
    java.util.List<Lead> leads = new java.util.ArrayList<>();
    for (int i = 0; i < 48; i++) {
      Lead base = switch (i % 3) {
        case 0 -> Fixtures.convertedLead(tenant, START);
        case 1 -> Fixtures.disqualifiedLead(tenant, START);
        default -> Fixtures.minimalLead(tenant, START);
      };
      String text = texts[i % texts.length];
      leads.add(new Lead(base.id(), base.tenantId(), 0,
          dev.rapport.crm.common.PersonName.of(text + " given", text + " family " + i), base.email(),
          base.phone(), i % 3 == 2 ? Optional.empty() : Optional.of(text + " company"),
          base.title().map(t -> text), base.source(), base.sourceDetail(), base.status(),
          base.disqualificationReason().map(r -> text), base.signals(), base.temperature(),
          base.temperatureOverride(), base.owner().map(o -> text), i, base.createdAt(), base.updatedAt(),
          base.convertedTo()));
    }
    java.util.List<Lead> stored = inUnitOfWork(uow -> uow.port(LeadRepository.class).insertAll(leads));
    assertThat(stored).containsExactlyElementsOf(leads.stream().map(l -> versioned(l, 1)).toList());
    for (Lead lead : leads) {
      assertThat(storedLead(lead.id())).contains(versioned(lead, 1));
    }
    // read in the unit that stored them, as any insert is
    Lead extra = Fixtures.minimalLead(tenant, START);
    java.util.List<Lead> more = new java.util.ArrayList<>(java.util.Collections.nCopies(20, extra));
    for (int i = 0; i < more.size(); i++) {
      more.set(i, Fixtures.minimalLead(tenant, START));
    }
    Optional<Lead> seen = inUnitOfWork(uow -> {
      uow.port(LeadRepository.class).insertAll(more);
      return uow.port(LeadRepository.class).find(more.get(7).id());
    });
    assertThat(seen).contains(versioned(more.get(7), 1));
  }

  @Test
  public void manyLeadsStoredAtOnceWithATakenIdStoreNone() {
    Lead taken = Fixtures.minimalLead(tenant, START);
    inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(taken));
    java.util.List<Lead> leads = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      leads.add(Fixtures.minimalLead(tenant, START));
    }
    leads.add(taken);
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(LeadRepository.class).insertAll(leads)))
        .isInstanceOf(DuplicateException.class);
    for (int i = 0; i < 30; i++) {
      assertThat(storedLead(leads.get(i).id())).isEmpty();
    }
    java.util.List<Lead> twice = new java.util.ArrayList<>(leads.subList(0, 20));
    twice.add(leads.get(3));
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(LeadRepository.class).insertAll(twice)))
        .isInstanceOf(DuplicateException.class);
    assertThat(storedLead(leads.get(3).id())).isEmpty();
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
