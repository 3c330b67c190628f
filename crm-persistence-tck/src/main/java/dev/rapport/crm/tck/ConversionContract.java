package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lead conversion through the services, stored by the adapter under test. */
public abstract class ConversionContract extends ContractSupport {

  private Lead qualified(NewLead.Builder builder) {
    Lead l = crm.leads().capture(builder.build());
    return crm.leads().changeStatus(l.id(), LeadStatus.QUALIFIED);
  }

  private NewLead.Builder ada() {
    return NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR)
        .email("Ada@Analytical.example").phone("+49 30 901820").company("Analytical Engines Ltd")
        .title("Analyst").owner("ann");
  }

  @Test
  public void convertingAQualifiedLeadCreatesContactAccountAndOpportunityWithLinksAndInheritedSource() {
    Lead lead = qualified(ada());
    ConversionResult r = crm.leads().convert(lead.id(), Conversion.standard()
        .withOpportunity(NewOpportunity.builder("Licence", Money.of("1200.00", "EUR")).build()));
    assertThat(r.accountCreated()).isTrue();
    assertThat(r.contactCreated()).isTrue();
    Account account = crm.accounts().get(r.account().id());
    Contact contact = crm.contacts().get(r.contact().id());
    Opportunity opp = crm.opportunities().get(r.opportunity().orElseThrow().id());
    Lead converted = crm.leads().get(lead.id());
    assertThat(account).isEqualTo(r.account());
    assertThat(account.name()).isEqualTo("Analytical Engines Ltd");
    assertThat(account.domain()).contains("analytical.example");
    assertThat(contact).isEqualTo(r.contact());
    assertThat(contact.accountId()).contains(account.id());
    assertThat(contact.emails()).containsExactly(EmailAddress.of("ada@analytical.example"));
    assertThat(contact.phones()).containsExactly(PhoneNumber.of("+49 30 901820"));
    assertThat(contact.originLead()).contains(lead.id());
    assertThat(contact.title()).contains("Analyst");
    assertThat(opp).isEqualTo(r.opportunity().orElseThrow());
    assertThat(opp.accountId()).isEqualTo(account.id());
    assertThat(opp.primaryContact()).contains(contact.id());
    assertThat(opp.source()).contains(LeadSource.WEBINAR);
    assertThat(opp.originLead()).contains(lead.id());
    assertThat(opp.owner()).contains("ann");
    assertThat(converted).isEqualTo(r.lead());
    assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
    assertThat(converted.version()).isEqualTo(lead.version() + 1);
    assertThat(converted.convertedTo().orElseThrow().contactId()).isEqualTo(contact.id());
    assertThat(converted.convertedTo().orElseThrow().accountId()).isEqualTo(account.id());
    assertThat(converted.convertedTo().orElseThrow().opportunityId()).contains(opp.id());
  }

  @Test
  public void aLeadWhoseLongNameBecomesTheAccountNameConvertsWithTheNameCutToTheLimit() {
    // no company, no e-mail: the account is named after the person, 100 + 1 + 100 code points
    Lead lead = qualified(NewLead.builder(PersonName.of("\uD83D\uDE00".repeat(100), "L".repeat(100)), LeadSource.REFERRAL));
    ConversionResult r = crm.leads().convert(lead.id(), Conversion.standard());
    assertThat(r.account().name()).isEqualTo("\uD83D\uDE00".repeat(100) + " " + "L".repeat(99));
    assertThat(storedAccount(r.account().id())).contains(r.account());
  }

  @Test
  public void aContactWithTwentyAddressesStillTakesALeadAndKeepsItsAddresses() {
    Lead lead = qualified(ada());
    NewContact.Builder full = NewContact.builder(PersonName.of("Ada", "Lovelace"));
    Contact contact = crm.contacts().create(full.email("ada0@other.example").build());
    for (int i = 1; i < dev.rapport.crm.common.Limits.EMAILS_PER_CONTACT; i++) {
      contact = crm.contacts().addEmail(contact.id(), "ada" + i + "@other.example");
    }
    ConversionResult r = crm.leads().convert(lead.id(), Conversion.standard().toContact(contact.id()));
    assertThat(r.contact().emails()).isEqualTo(contact.emails());
    assertThat(r.lead().convertedTo().orElseThrow().contactId()).isEqualTo(contact.id());
  }

  @Test
  public void anExistingAccountIsReusedWhenItsNameMatchesIgnoringCaseAndPunctuation() {
    Account existing = crm.accounts().create(NewAccount.builder("ANALYTICAL ENGINES, LTD.").domain("engines.example").build());
    Lead lead = qualified(ada());
    ConversionResult r = crm.leads().convert(lead.id(), Conversion.standard());
    assertThat(r.accountCreated()).isFalse();
    assertThat(r.account().id()).isEqualTo(existing.id());
    assertThat(snapshot().accounts()).containsExactly(existing); // domain present: nothing filled
  }

  @Test
  public void anExistingAccountIsReusedWhenItsDomainMatchesTheLeadsEmailAndItsEmptyFieldsAreFilled() {
    Account existing = crm.accounts().create(NewAccount.builder("AE Group").domain("analytical.example").build());
    Lead lead = qualified(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.REFERRAL)
        .email("ada@analytical.example"));
    ConversionResult r = crm.leads().convert(lead.id(), Conversion.standard());
    assertThat(r.accountCreated()).isFalse();
    assertThat(r.account().id()).isEqualTo(existing.id());
    assertThat(snapshot().accounts()).hasSize(1);
    assertThat(crm.contacts().get(r.contact().id()).accountId()).contains(existing.id());
  }

  @Test
  public void theAccountNamedLikeTheCompanyWinsOverTheAccountOfTheEmailsDomainAndTheOldestOfEachFirst() {
    Account byDomain = crm.accounts().create(NewAccount.builder("AE Group").domain("analytical.example").build());
    Account byName = crm.accounts().create(NewAccount.builder("Analytical Engines").domain("engines.example").build());
    crm.accounts().create(NewAccount.builder("analytical engines").build()); // same name key, newer
    Lead lead = qualified(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.REFERRAL)
        .email("ada@analytical.example").company("Analytical Engines"));
    assertThat(crm.leads().convert(lead.id(), Conversion.standard()).account().id()).isEqualTo(byName.id());

    crm.accounts().create(NewAccount.builder("AE Group Two").domain("analytical.example").build()); // same domain, newer
    Lead other = qualified(NewLead.builder(PersonName.of("Charles", "Babbage"), LeadSource.REFERRAL)
        .email("charles@analytical.example").company("Difference Works"));
    ConversionResult r = crm.leads().convert(other.id(), Conversion.standard());
    assertThat(r.accountCreated()).isFalse();
    assertThat(r.account().id()).isEqualTo(byDomain.id());
  }

  @Test
  public void aLeadFromASubdomainOrAnInternationalisedDomainConvertsOntoTheCompanysAccount() {
    Account uk = crm.accounts().create(NewAccount.builder("Acme UK").domain("acme.co.uk").build());
    Account books = crm.accounts().create(NewAccount.builder("Bücherei").domain("https://www.bücher.de/").build());
    assertThat(books.domain()).contains("xn--bcher-kva.de");
    Lead fromSales = qualified(NewLead.builder(PersonName.of("Ana", "Silva"), LeadSource.REFERRAL)
        .email("ana@sales.acme.co.uk"));
    Lead fromShop = qualified(NewLead.builder(PersonName.of("Jörg", "Weber"), LeadSource.REFERRAL)
        .email("joerg@shop.bücher.de"));
    assertThat(crm.leads().convert(fromSales.id(), Conversion.standard()).account().id()).isEqualTo(uk.id());
    ConversionResult shop = crm.leads().convert(fromShop.id(), Conversion.standard());
    assertThat(shop.account().id()).isEqualTo(books.id());
    assertThat(crm.contacts().get(shop.contact().id()).emails()).extracting(e -> e.address())
        .containsExactly("joerg@shop.bücher.de");
    assertThat(snapshot().accounts()).hasSize(2);
  }

  @Test
  public void aLeadOnAPublicSuffixDomainIsNotMatchedToAnotherCompanyUnderThatSuffix() {
    crm.accounts().create(NewAccount.builder("Acme UK").domain("acme.co.uk").build());
    Lead lead = qualified(NewLead.builder(PersonName.of("Bo", "Berg"), LeadSource.REFERRAL)
        .email("bo@other.co.uk"));
    ConversionResult r = crm.leads().convert(lead.id(), Conversion.standard());
    assertThat(r.accountCreated()).isTrue();
    assertThat(crm.accounts().get(r.account().id()).domain()).contains("other.co.uk");
  }

  @Test
  public void anExistingContactMatchedByEmailIsReusedFillingOnlyItsEmptyFields() {
    Account account = crm.accounts().create(NewAccount.builder("Elsewhere Inc").build());
    Contact existing = crm.contacts().create(NewContact.builder(PersonName.of("A.", "Lovelace"))
        .account(account.id()).email("ADA@analytical.example").title("Countess").build());
    Lead lead = qualified(ada());
    ConversionResult r = crm.leads().convert(lead.id(), Conversion.standard());
    assertThat(r.contactCreated()).isFalse();
    assertThat(r.accountCreated()).isFalse();
    Contact merged = crm.contacts().get(existing.id());
    assertThat(merged).isEqualTo(r.contact());
    assertThat(merged.name()).isEqualTo(existing.name());
    assertThat(merged.title()).contains("Countess");
    assertThat(merged.accountId()).contains(account.id());
    assertThat(merged.phones()).containsExactly(PhoneNumber.of("+49 30 901820"));
    assertThat(merged.originLead()).contains(lead.id());
    assertThat(merged.owner()).contains("ann");
    assertThat(merged.version()).isEqualTo(existing.version() + 1);
    assertThat(snapshot().contacts()).hasSize(1);
  }

  @Test
  public void aNamedAccountAndContactAreUsedInsteadOfMatching() {
    Account named = crm.accounts().create(NewAccount.builder("Named Co").build());
    crm.accounts().create(NewAccount.builder("Analytical Engines Ltd").build());
    Contact namedContact = crm.contacts().create(NewContact.builder(PersonName.of("Someone")).build());
    Lead lead = qualified(ada());
    ConversionResult r = crm.leads().convert(lead.id(), Conversion.standard().toAccount(named.id()).toContact(namedContact.id()));
    assertThat(r.account().id()).isEqualTo(named.id());
    assertThat(r.contact().id()).isEqualTo(namedContact.id());
    assertThat(crm.contacts().get(namedContact.id()).accountId()).contains(named.id());
    assertThat(crm.contacts().get(namedContact.id()).emails()).containsExactly(EmailAddress.of("ada@analytical.example"));
  }

  @Test
  public void anUnknownNamedAccountThrowsNotFoundAndChangesNothing() {
    Lead lead = qualified(ada());
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.leads().convert(lead.id(), Conversion.standard().toAccount(AccountId.of(UUID.randomUUID()))))
        .isInstanceOf(NotFoundException.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void convertingALeadThatIsNotQualifiedIsAnIllegalTransitionAndChangesNothing() {
    Lead fresh = crm.leads().capture(ada().build());
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.leads().convert(fresh.id(), Conversion.standard()))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void aConvertedLeadCanNoLongerChangeOrBeConvertedAgain() {
    Lead lead = qualified(ada());
    crm.leads().convert(lead.id(), Conversion.standard());
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.leads().convert(lead.id(), Conversion.standard())).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> crm.leads().assign(lead.id(), "bob")).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> crm.leads().recordSignal(lead.id(), SignalType.DEMO_REQUEST)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> crm.leads().overrideTemperature(lead.id(), Temperature.HOT)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> crm.leads().changeStatus(lead.id(), LeadStatus.CONTACTED)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> crm.leads().disqualify(lead.id(), "late")).isInstanceOf(IllegalTransitionException.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void aLeadWithAFreeMailAddressAndNoCompanyGetsAnAccountNamedAfterThePerson() {
    Lead lead = qualified(NewLead.builder(PersonName.of("Sam", "Solo"), LeadSource.NEWSLETTER).email("sam@gmail.com"));
    ConversionResult r = crm.leads().convert(lead.id(), Conversion.standard());
    assertThat(crm.accounts().get(r.account().id()).name()).isEqualTo("Sam Solo");
    assertThat(crm.accounts().get(r.account().id()).domain()).isEqualTo(Optional.empty());
  }
}
