package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadUpdate;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.search.SearchField;
import dev.rapport.crm.search.SearchHit;
import dev.rapport.crm.search.SearchKind;
import dev.rapport.crm.search.SearchQuery;
import dev.rapport.crm.search.SearchText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Text search on the adapter: a fixed corpus whose hits, fields, similarities and order every
 * store must give alike (similarities worked by hand from the trigrams), and a generated corpus
 * where the store's answer must equal a scan of every record judged by the core.
 */
public abstract class SearchContract extends ContractSupport {

  private Lead john;
  private Lead jurgen;
  private Contact johanna;
  private Account johnson;
  private Account mueller;

  private void corpus() {
    john = crm.leads().capture(NewLead.builder(PersonName.of("John", "Smith"), LeadSource.WEBSITE_SIGNUP)
        .company("Acme Corp").email("john.smith@acme.example").phone("+49 151 23456789").owner("ann").build());
    jurgen = crm.leads().capture(NewLead.builder(PersonName.of("Jürgen", "Müller"), LeadSource.TRADE_SHOW)
        .company("Müller Bau GmbH").owner("bob").build());
    johanna = crm.contacts().create(NewContact.builder(PersonName.of("Johanna", "Berg"))
        .email("jberg@fjord.example").email("johanna@home.example").phone("+1 415 555 0100").owner("ann").build());
    johnson = crm.accounts().create(NewAccount.builder("Johnson & Sons").domain("johnson.example").build());
    mueller = crm.accounts().create(NewAccount.builder("MÜLLER Bau GmbH").externalReference("CUST-10042")
        .owner("bob").build());
  }

  private List<SearchHit> all(SearchQuery q) {
    return crm.search().search(q, PageRequest.first(PageRequest.MAX_SIZE)).items();
  }

  private static List<String> labels(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::label).toList();
  }

  @Test
  public void partOfANameFindsLeadsContactsAndAccountsRankedWithTiesByKind() {
    corpus();
    List<SearchHit> hits = all(SearchQuery.of("joh"));
    // "joh" has the trigrams "  j", " jo", "joh", "oh "; each name starts with the first three:
    // 3 / (4 + 3 - 3) = 0.75 for all three, so leads, contacts, accounts
    assertThat(labels(hits)).containsExactly("John Smith", "Johanna Berg", "Johnson & Sons");
    assertThat(hits).extracting(SearchHit::field).containsOnly(SearchField.NAME);
    assertThat(hits).extracting(SearchHit::similarity).containsOnly((double) 0.75f);
    assertThat(hits.get(0).leadId()).contains(john.id());
    assertThat(hits.get(1).contactId()).contains(johanna.id());
    assertThat(hits.get(2).accountId()).contains(johnson.id());
  }

  @Test
  public void aTypoCostsSimilarityNotTheMatch() {
    corpus();
    // "smiht": "  s", " sm", "smi", "mih", "iht", "ht "; Smith shares the first three: 3 / (6 + 3 - 3)
    List<SearchHit> hits = all(SearchQuery.of("Smiht"));
    assertThat(labels(hits)).containsExactly("John Smith");
    assertThat(hits.get(0).similarity()).isEqualTo((double) 0.5f);
    assertThat(all(SearchQuery.of("Smiht").withMinimumSimilarity(0.6))).isEmpty();
    assertThat(labels(all(SearchQuery.of("Jon")))).contains("John Smith");
  }

  @Test
  public void accentsCaseAndPunctuationAreIgnored() {
    corpus();
    assertThat(labels(all(SearchQuery.of("muller bau")))).containsExactly("Jürgen Müller", "MÜLLER Bau GmbH");
    List<SearchHit> byName = all(SearchQuery.of("JÜRGEN"));
    assertThat(labels(byName)).containsExactly("Jürgen Müller");
    assertThat(byName.get(0).similarity()).isEqualTo(1.0);
    List<SearchHit> company = all(SearchQuery.of("bau gmbh").withKinds(SearchKind.LEAD));
    assertThat(company).extracting(SearchHit::field).containsExactly(SearchField.COMPANY);
  }

  @Test
  public void eMailAddressesPhoneDigitsDomainsAndReferencesMatch() {
    corpus();
    List<SearchHit> email = all(SearchQuery.of("jberg@fjord"));
    assertThat(labels(email)).containsExactly("Johanna Berg");
    assertThat(email.get(0).field()).isEqualTo(SearchField.EMAIL);
    // a contact's second address counts too
    assertThat(all(SearchQuery.of("johanna@home"))).extracting(SearchHit::field).containsExactly(SearchField.EMAIL);

    List<SearchHit> phone = all(SearchQuery.of("(415) 555-0100"));
    assertThat(labels(phone)).containsExactly("Johanna Berg");
    assertThat(phone.get(0).field()).isEqualTo(SearchField.PHONE);
    assertThat(labels(all(SearchQuery.of("151 2345 6789")))).containsExactly("John Smith");

    List<SearchHit> domain = all(SearchQuery.of("johnson.example"));
    assertThat(domain.get(0).accountId()).contains(johnson.id());
    assertThat(domain.get(0).field()).isEqualTo(SearchField.DOMAIN);
    assertThat(domain.get(0).similarity()).isEqualTo(1.0);
    List<SearchHit> ref = all(SearchQuery.of("cust 10042"));
    assertThat(labels(ref)).containsExactly("MÜLLER Bau GmbH");
    assertThat(ref.get(0).field()).isEqualTo(SearchField.REFERENCE);
  }

  @Test
  public void kindsAndOwnerNarrowTheSearch() {
    corpus();
    assertThat(labels(all(SearchQuery.of("joh").withKinds(SearchKind.CONTACT, SearchKind.ACCOUNT))))
        .containsExactly("Johanna Berg", "Johnson & Sons");
    assertThat(labels(all(SearchQuery.of("joh").withOwner("ann")))).containsExactly("John Smith", "Johanna Berg");
    assertThat(labels(all(SearchQuery.of("muller").withOwner("bob").withKinds(SearchKind.ACCOUNT))))
        .containsExactly("MÜLLER Bau GmbH");
    assertThat(all(SearchQuery.of("joh").withOwner("nobody"))).isEmpty();
  }

  @Test
  public void aRecordIsFoundByWhatItHoldsNowAndNotOnceDeleted() {
    corpus();
    crm.leads().update(john.id(), LeadUpdate.builder().name(PersonName.of("Jonathan", "Smithers")).build());
    assertThat(labels(all(SearchQuery.of("smithers")))).containsExactly("Jonathan Smithers");
    assertThat(labels(all(SearchQuery.of("john smith").withKinds(SearchKind.LEAD))))
        .as("the old name is gone; the address still holds john smith").containsExactly("Jonathan Smithers");
    assertThat(all(SearchQuery.of("john smith").withKinds(SearchKind.LEAD)).get(0).field())
        .isEqualTo(SearchField.EMAIL);
    crm.accounts().rename(johnson.id(), "Fjord Shipping");
    assertThat(labels(all(SearchQuery.of("fjord shipping")))).containsExactly("Fjord Shipping");
    crm.leads().delete(jurgen.id());
    assertThat(labels(all(SearchQuery.of("jurgen")))).isEmpty();
  }

  @Test
  public void pagesFollowTheRankingWithoutRepeatsOrGaps() {
    Random random = new Random(7);
    for (int i = 0; i < 23; i++) {
      crm.leads().capture(NewLead.builder(PersonName.of("Kim" + (char) ('a' + random.nextInt(3)), "Lee " + i),
          LeadSource.WEBSITE_SIGNUP).build());
    }
    SearchQuery q = SearchQuery.of("kima lee");
    List<SearchHit> whole = all(q.withMinimumSimilarity(0.3));
    List<SearchHit> paged = new ArrayList<>();
    PageRequest request = PageRequest.first(4);
    while (true) {
      Page<SearchHit> page = crm.search().search(q.withMinimumSimilarity(0.3), request);
      paged.addAll(page.items());
      if (!page.hasNext()) {
        break;
      }
      request = request.next(page).orElseThrow();
    }
    assertThat(whole).hasSize(23);
    assertThat(paged).isEqualTo(whole);
    assertThat(whole).isSortedAccordingTo(Comparator.comparingDouble(SearchHit::similarity).reversed());
  }

  @Test
  public void theStoreFindsWhatAScanOfEveryRecordFinds() {
    Random random = new Random(2024);
    String[] given = {"Anna", "Anne", "Hannah", "Jonas", "Jon", "Joanna", "Zoë", "Søren", "Ольга", "José"};
    String[] family = {"Smith", "Smyth", "Schmidt", "Müller", "Mueller", "Nowak", "Novak", "O'Brien", "García", "Lee"};
    String[] companies = {"Acme", "ACME GmbH", "Nordwind AG", "Smith & Co", "Garcia Hermanos", "Lee Ltd"};
    List<Lead> leads = new ArrayList<>();
    List<Contact> contacts = new ArrayList<>();
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String g = given[random.nextInt(given.length)];
      String f = family[random.nextInt(family.length)];
      if (i % 3 == 0) {
        leads.add(crm.leads().capture(NewLead.builder(PersonName.of(g, f), LeadSource.WEBSITE_SIGNUP)
            .company(companies[random.nextInt(companies.length)]).email("p" + i + "." + ascii(f) + "@mail.example")
            .phone("+4930" + (1000000 + random.nextInt(9000000))).owner(i % 2 == 0 ? "ann" : "bob").build()));
      } else if (i % 3 == 1) {
        contacts.add(crm.contacts().create(NewContact.builder(PersonName.of(g, f))
            .email(ascii(g) + i + "@x.example").phone("+1212555" + (1000 + random.nextInt(9000))).build()));
      } else {
        accounts.add(crm.accounts().create(NewAccount.builder(companies[random.nextInt(companies.length)] + " " + i)
            .domain(ascii(f) + i + ".example").build()));
      }
    }
    for (String text : List.of("smith", "smyht", "muller", "anna", "acme", "olga", "garcia", "4930", "555 12",
        "lee ltd", "obrien", "zoe", "soren", "jose garcia", "nowak")) {
      for (double t : new double[] {0.3, 0.5, 0.8}) {
        SearchQuery q = SearchQuery.of(text).withMinimumSimilarity(t);
        List<Object[]> expected = new ArrayList<>();
        for (Lead l : leads) {
          expected.add(new Object[] {q.similarity(SearchText.of(l)), SearchKind.LEAD, l.id().value(), l.name().fullName()});
        }
        for (Contact c : contacts) {
          expected.add(new Object[] {q.similarity(SearchText.of(c)), SearchKind.CONTACT, c.id().value(), c.name().fullName()});
        }
        for (Account a : accounts) {
          expected.add(new Object[] {q.similarity(SearchText.of(a)), SearchKind.ACCOUNT, a.id().value(), a.name()});
        }
        List<String> want = expected.stream()
            .filter(e -> (double) e[0] >= t)
            .sorted(Comparator.<Object[]>comparingDouble(e -> -(double) e[0])
                .thenComparing(e -> (SearchKind) e[1])
                .thenComparing(e -> (java.util.UUID) e[2], SearchContract::unsigned))
            .map(e -> e[3] + "@" + e[0]).toList();
        List<String> got = all(q).stream().map(h -> h.label() + "@" + h.similarity()).toList();
        assertThat(got).as("%s at %s", text, t).isEqualTo(want);
      }
    }
  }

  @Test
  public void badQueriesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> SearchQuery.of("x".repeat(10_000)))
        .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("text");
    assertThatThrownBy(() -> SearchQuery.of("!!! ---"))
        .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("text");
    assertThatThrownBy(() -> SearchQuery.of("anna").withMinimumSimilarity(0.1))
        .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("minimumSimilarity");
    assertThatThrownBy(() -> SearchQuery.of("anna").withKinds())
        .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("kinds");
    assertThatThrownBy(() -> crm.search().search(SearchQuery.of("anna"),
        PageRequest.after(john().id().value().toString(), 10)))
        .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("after");
  }

  private Lead john() {
    return crm.leads().capture(NewLead.builder(PersonName.of("John", "Smith"), LeadSource.WEBSITE_SIGNUP).build());
  }

  private static String ascii(String s) {
    String f = SearchText.fold(s).replace(" ", "");
    return f.isEmpty() ? "x" : f;
  }

  private static int unsigned(java.util.UUID a, java.util.UUID b) {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
