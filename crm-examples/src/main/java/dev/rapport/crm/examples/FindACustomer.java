package dev.rapport.crm.examples;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.privacy.Person;
import dev.rapport.crm.search.SearchHit;
import dev.rapport.crm.search.SearchKind;
import dev.rapport.crm.search.SearchQuery;
import java.io.PrintStream;
import java.util.Random;

/**
 * The search box of a support desk. The tenant's book holds a few thousand contacts, leads and
 * accounts; a caller gives a name the agent mistypes, a number in national format, part of an
 * address, a company without its accents, a customer number. Each search prints its best hits
 * with the field that matched and how well. Then the caller asks to be forgotten, and the search
 * no longer finds them.
 *
 * <pre>{@code ./mvnw -q -pl crm-examples -am -DskipTests package exec:java -Dexec.mainClass=dev.rapport.crm.examples.FindACustomer}</pre>
 */
public final class FindACustomer {
  private FindACustomer() {}

  /** Runs the story, printing each search; returns how many hits the last search had. */
  static int run(PrintStream out) {
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("support-desk").build();
    book(crm, 3_000);
    Account mueller = crm.accounts().create(NewAccount.builder("Müller Präzisionstechnik GmbH")
        .domain("mueller-praezision.example").externalReference("K-20931").owner("ann").build());
    crm.contacts().create(NewContact.builder(PersonName.of("Jürgen", "Müller")).account(mueller.id())
        .email("j.mueller@mueller-praezision.example").phone("+49 711 8842 310").owner("ann").build());
    crm.leads().capture(NewLead.builder(PersonName.of("Siobhán", "O'Connor"), LeadSource.TRADE_SHOW)
        .company("Fjord Analytics").email("siobhan@fjord-analytics.example").phone("+353 1 555 0199").owner("bob")
        .build());

    show(out, crm, SearchQuery.of("Jurgen Mueller"));          // no umlauts, ue for ü: still found
    show(out, crm, SearchQuery.of("0711 8842310"));            // the number as the caller reads it
    show(out, crm, SearchQuery.of("fjord analytcs"));          // the company, mistyped
    show(out, crm, SearchQuery.of("siobhan@fjord"));           // part of an address
    show(out, crm, SearchQuery.of("k-20931").withKinds(SearchKind.ACCOUNT)); // the customer number
    show(out, crm, SearchQuery.of("oconnor").withOwner("bob")); // only Bob's records

    crm.privacy().erase(Person.withEmail("siobhan@fjord-analytics.example"));
    return show(out, crm, SearchQuery.of("Siobhan O'Connor"));
  }

  /** Prints the first page of the search; returns how many hits it had. */
  private static int show(PrintStream out, Crm crm, SearchQuery query) {
    Page<SearchHit> page = crm.search().search(query, PageRequest.first(3));
    out.println("search \"" + query.text() + "\": " + (page.items().isEmpty() ? "nothing" : ""));
    for (SearchHit hit : page.items()) {
      out.printf(java.util.Locale.ROOT, "  %s %s (%s, %.2f)%n", hit.kind(), hit.label(), hit.field(), hit.similarity());
    }
    return page.items().size();
  }

  /** A book of generated customers: names, companies, addresses and numbers that look real. */
  private static void book(Crm crm, int people) {
    String[] given = {"Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hans", "Ida", "Jonas", "Karin",
        "Lukas", "Mia", "Noah", "Olga", "Paul", "Rosa", "Sven", "Tina", "Vera"};
    String[] family = {"Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch",
        "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Braun", "Zimmermann", "Krüger", "Hartmann", "Lange", "Werner"};
    String[] companies = {"Nordlicht", "Alpenblick", "Rheintal", "Hafenstadt", "Sonnenhof", "Waldweg", "Bergwerk"};
    Random random = new Random(25);
    for (int i = 0; i < people; i++) {
      String g = given[random.nextInt(given.length)];
      String f = family[random.nextInt(family.length)];
      String mail = g.toLowerCase(java.util.Locale.ROOT) + "." + i + "@example.com";
      String phone = "+4930" + (1_000_000 + random.nextInt(9_000_000));
      if (i % 3 == 0) {
        crm.accounts().create(NewAccount.builder(companies[random.nextInt(companies.length)] + " " + f + " KG").build());
      } else if (i % 3 == 1) {
        crm.contacts().create(NewContact.builder(PersonName.of(g, f)).email(mail).phone(phone).build());
      } else {
        crm.leads().capture(NewLead.builder(PersonName.of(g, f), LeadSource.WEBSITE_SIGNUP).email(mail).phone(phone)
            .company(companies[random.nextInt(companies.length)]).build());
      }
    }
  }

  /** Runs the story on the console. */
  public static void main(String[] args) {
    run(System.out);
  }
}
