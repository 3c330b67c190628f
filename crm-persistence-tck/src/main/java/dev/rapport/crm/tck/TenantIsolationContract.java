package dev.rapport.crm.tck;

import dev.rapport.crm.contact.AccountRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two {@code Crm}s of different tenants on one store: no read, query, lookup or write of one
 * reaches the other's records, even with the other's ids, addresses, names and references.
 */
public abstract class TenantIsolationContract extends ContractSupport {
  private Crm other;
  private TenantId otherTenant;
  private Lead lead;
  private Account account;
  private Contact contact;
  private Opportunity opportunity;

  @BeforeEach
  final void twoTenants() {
    otherTenant = freshTenant();
    other = crm(otherTenant, persistence);
    lead = crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR)
        .email("ada@shared.example").company("Shared Name Ltd").owner("ann").build());
    account = crm.accounts().create(NewAccount.builder("Shared Name Ltd").domain("shared.example")
        .externalReference("CUST-1").build());
    contact = crm.contacts().create(NewContact.builder(PersonName.of("Bob", "Shared"))
        .account(account.id()).email("bob@shared.example").build());
    opportunity = crm.opportunities().open(account.id(),
        NewOpportunity.builder("Deal", Money.of("10.00", "EUR")).owner("ann").build());
  }

  @Test
  public void anotherTenantCannotGetOrFindRecordsByTheirIds() {
    assertThatThrownBy(() -> other.leads().get(lead.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.accounts().get(account.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.contacts().get(contact.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.opportunities().get(opportunity.id())).isInstanceOf(NotFoundException.class);
    assertThat(other.leads().find(lead.id())).isEmpty();
    assertThat(other.accounts().find(account.id())).isEmpty();
    assertThat(other.contacts().find(contact.id())).isEmpty();
    assertThat(other.opportunities().find(opportunity.id())).isEmpty();
  }

  @Test
  public void anotherTenantsQueriesListsAndLookupsFindNothing() {
    assertThat(other.leads().query(LeadQuery.all(), PageRequest.first(10)).items()).isEmpty();
    assertThat(other.leads().query(LeadQuery.all().withOwner("ann"), PageRequest.first(10)).items()).isEmpty();
    assertThat(other.leads().findByEmail("ada@shared.example")).isEmpty();
    assertThat(other.contacts().findByEmail("bob@shared.example")).isEmpty();
    assertThat(other.contacts().list(PageRequest.first(10)).items()).isEmpty();
    assertThat(other.contacts().byAccount(account.id(), PageRequest.first(10)).items()).isEmpty();
    assertThat(other.accounts().list(PageRequest.first(10)).items()).isEmpty();
    assertThat(other.accounts().findByName("Shared Name Ltd")).isEmpty();
    assertThat(other.accounts().findByExternalReference("CUST-1")).isEmpty();
    assertThat(other.opportunities().query(OpportunityQuery.all(), PageRequest.first(10)).items()).isEmpty();
    assertThat(other.opportunities().query(OpportunityQuery.all().withAccount(account.id()), PageRequest.first(10)).items()).isEmpty();
    assertThat(other.leads().count(LeadQuery.all())).isZero();
    assertThat(other.contacts().countByAccount(account.id())).isZero();
    assertThat(crm.contacts().countByAccount(account.id())).isPositive();
    assertThat(other.opportunities().count(OpportunityQuery.all())).isZero();
    assertThat(crm.leads().count(LeadQuery.all())).isPositive();
    assertThat(crm.opportunities().count(OpportunityQuery.all())).isPositive();
    assertThat(persistence.<java.util.List<Account>>inUnitOfWork(otherTenant, uow -> uow.port(AccountRepository.class).findByDomain("shared.example"))).isEmpty();
    assertThat(StoreSnapshot.capture(persistence, otherTenant).size()).isZero();
  }

  @Test
  public void anotherTenantCannotChangeRecordsByTheirIds() {
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> other.leads().assign(lead.id(), "mallory")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.leads().changeStatus(lead.id(), LeadStatus.CONTACTED)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.leads().convert(lead.id(), Conversion.standard())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.accounts().rename(account.id(), "Mallory")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.contacts().addEmail(contact.id(), "m@evil.example")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.opportunities().win(opportunity.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.opportunities().open(account.id(), NewOpportunity.builder("x", Money.of("1", "EUR")).build()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.contacts().create(NewContact.builder(PersonName.of("M")).account(account.id()).build()))
        .isInstanceOf(NotFoundException.class);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(StoreSnapshot.capture(persistence, otherTenant).size()).isZero();
  }

  @Test
  public void anExternalReferenceIsUniquePerTenantOnlySoAnotherTenantMayUseIt() {
    Account theirs = other.accounts().create(NewAccount.builder("Theirs").externalReference("CUST-1").build());
    assertThat(other.accounts().findByExternalReference("CUST-1")).contains(theirs);
    assertThat(crm.accounts().findByExternalReference("CUST-1")).contains(account);
  }

  @Test
  public void theSameRecordsInTwoTenantsStayApartThroughConversion() {
    Lead theirs = other.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR)
        .email("bob@shared.example").company("Shared Name Ltd").build());
    other.leads().changeStatus(theirs.id(), LeadStatus.QUALIFIED);
    StoreSnapshot mine = snapshot();
    var result = other.leads().convert(theirs.id(), Conversion.standard());
    assertThat(result.accountCreated()).isTrue(); // our "Shared Name Ltd" was not matched
    assertThat(result.contactCreated()).isTrue(); // nor our contact with that address
    assertThat(snapshot()).isEqualTo(mine);
  }
}
