package dev.rapport.crm.tck;

import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Page;
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
import dev.rapport.crm.opportunity.OpportunityStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queries, lookups and keyset paging: every filter returns exactly the matching records, in id
 * (creation) order; walking the pages yields each exactly once, also while records are inserted
 * and changed between page fetches.
 */
public abstract class QueryContract extends ContractSupport {
  private static final LeadStatus[] STATUSES = {LeadStatus.NEW, LeadStatus.CONTACTED,
      LeadStatus.NURTURING, LeadStatus.QUALIFIED, LeadStatus.DISQUALIFIED, LeadStatus.CONVERTED};
  private static final LeadSource[] SOURCES = {LeadSource.WEBINAR, LeadSource.REFERRAL,
      LeadSource.PURCHASED_LIST, LeadSource.of("host_specific")};
  private static final String[] OWNERS = {"ann", "bob", "cy", null};

  /** The leads stored for the test, in id order. */
  private List<Lead> leads;

  @BeforeEach
  final void storeLeads() {
    Random random = new Random(4711);
    List<Lead> made = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Instant created = START.plus(Duration.ofHours(i));
      made.add(Fixtures.lead(tenant, created, STATUSES[random.nextInt(STATUSES.length)],
          Temperature.values()[random.nextInt(3)], SOURCES[random.nextInt(SOURCES.length)],
          OWNERS[random.nextInt(OWNERS.length)], "person" + (i % 20) + "@Example.com"));
    }
    // Stored in several units of work, not in id order, so the store must sort.
    List<Lead> shuffled = new ArrayList<>(made);
    java.util.Collections.shuffle(shuffled, random);
    for (int from = 0; from < shuffled.size(); from += 13) {
      List<Lead> batch = shuffled.subList(from, Math.min(shuffled.size(), from + 13));
      inUnitOfWork(uow -> {
        batch.forEach(uow.port(LeadRepository.class)::insert);
        return null;
      });
    }
    leads = made.stream().map(l -> versioned(l, 1)).sorted(Comparator.comparing(Lead::id)).toList();
  }

  static Stream<Arguments> leadQueries() {
    return Stream.of(
        Arguments.of("all", LeadQuery.all()),
        Arguments.of("one status", LeadQuery.all().withStatuses(Set.of(LeadStatus.NEW))),
        Arguments.of("two statuses", LeadQuery.all().withStatuses(Set.of(LeadStatus.CONTACTED, LeadStatus.QUALIFIED))),
        Arguments.of("hot", LeadQuery.all().withTemperatures(Set.of(Temperature.HOT))),
        Arguments.of("warm or cold", LeadQuery.all().withTemperatures(Set.of(Temperature.WARM, Temperature.COLD))),
        Arguments.of("source", LeadQuery.all().withSources(Set.of(LeadSource.of("host_specific")))),
        Arguments.of("owner", LeadQuery.all().withOwner("ann")),
        Arguments.of("owner nobody has", LeadQuery.all().withOwner("zed")),
        Arguments.of("created range", LeadQuery.all().withCreated(START.plus(Duration.ofHours(10)), START.plus(Duration.ofHours(45)))),
        Arguments.of("created from", LeadQuery.all().withCreated(START.plus(Duration.ofHours(30)), null)),
        Arguments.of("created before", LeadQuery.all().withCreated(null, START.plus(Duration.ofHours(30)))),
        Arguments.of("status, temperature, owner and range", LeadQuery.all()
            .withStatuses(Set.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.NURTURING))
            .withTemperatures(Set.of(Temperature.HOT, Temperature.WARM)).withOwner("bob")
            .withCreated(START, START.plus(Duration.ofHours(50)))),
        Arguments.of("source and status", LeadQuery.all().withSources(Set.of(LeadSource.WEBINAR, LeadSource.REFERRAL))
            .withStatuses(Set.of(LeadStatus.DISQUALIFIED, LeadStatus.CONVERTED))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("leadQueries")
  public void walkingAllPagesOfAQueryYieldsEveryMatchingLeadExactlyOnceInCreationOrder(String name, LeadQuery query) {
    List<Lead> expected = leads.stream().filter(query::matches).toList();
    for (int size : new int[] {1, 4, 7, 500}) {
      List<Page<Lead>> pages = new ArrayList<>();
      List<Lead> walked = StoreSnapshot.all(p -> {
        Page<Lead> page = crm.leads().query(query, p);
        pages.add(page);
        return page;
      }, size);
      assertThat(walked).as("page size %d", size).containsExactlyElementsOf(expected);
      assertThat(crm.leads().count(query)).as("count").isEqualTo(expected.size());
      assertThat(pages).allMatch(p -> p.items().size() <= size);
      assertThat(pages.get(pages.size() - 1).hasNext()).isFalse();
      pages.subList(0, pages.size() - 1).forEach(p -> {
        assertThat(p.items()).hasSize(size);
        assertThat(p.nextCursor()).contains(p.items().get(size - 1).id().toString());
      });
    }
  }

  @Test
  public void theMatchingLeadsSpreadOverSeveralPagesForTheFiltersUnderTest() {
    assertThat(leads.stream().filter(LeadQuery.all().withTemperatures(Set.of(Temperature.HOT))::matches).count()).isGreaterThan(8);
    assertThat(leads.stream().filter(LeadQuery.all().withOwner("ann")::matches).count()).isGreaterThan(8);
  }

  @Test
  public void theLastFullPageHasNoCursorWhenNothingFollows() {
    List<Lead> hot = leads.stream().filter(LeadQuery.all().withTemperatures(Set.of(Temperature.HOT))::matches).toList();
    Page<Lead> page = crm.leads().query(LeadQuery.all().withTemperatures(Set.of(Temperature.HOT)), PageRequest.first(hot.size()));
    assertThat(page.items()).containsExactlyElementsOf(hot);
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  public void pagingWhileLeadsAreInsertedAndChangedHasNoDuplicatesAndNoGapsAmongTheLeadsThatExistedAtTheStart() {
    LeadQuery all = LeadQuery.all();
    Set<Object> seen = new HashSet<>();
    List<Lead> walked = new ArrayList<>();
    Optional<PageRequest> next = Optional.of(PageRequest.first(5));
    int round = 0;
    while (next.isPresent()) {
      Page<Lead> page = crm.leads().query(all, next.get());
      walked.addAll(page.items());
      page.items().forEach(l -> assertThat(seen.add(l.id())).as("returned twice: %s", l.id()).isTrue());
      int r = round++;
      inUnitOfWork(uow -> {
        uow.port(LeadRepository.class).insert(Fixtures.lead(tenant, START.plus(Duration.ofDays(9)), LeadStatus.NEW, Temperature.HOT,
            LeadSource.WEBINAR, "late", null));
        Lead earlier = uow.port(LeadRepository.class).find(leads.get(r % leads.size()).id()).orElseThrow();
        Lead later = uow.port(LeadRepository.class).find(leads.get(leads.size() - 1 - r % leads.size()).id()).orElseThrow();
        uow.port(LeadRepository.class).update(Fixtures.rescored(earlier, (earlier.score() + 1) % 100));
        if (!later.id().equals(earlier.id())) {
          uow.port(LeadRepository.class).update(Fixtures.rescored(later, (later.score() + 7) % 100));
        }
        return null;
      });
      next = next.get().next(page);
    }
    assertThat(walked).extracting(Lead::id).containsAll(leads.stream().map(Lead::id).toList());
    assertThat(walked).extracting(Lead::id).isSorted();
  }

  @Test
  public void pagingAFilteredQueryWhileLeadsLeaveAndEnterTheFilterNeverRepeatsALead() {
    LeadQuery hot = LeadQuery.all().withTemperatures(Set.of(Temperature.HOT));
    List<Lead> hotAtStart = leads.stream().filter(hot::matches).toList();
    Set<Object> seen = new HashSet<>();
    List<Lead> walked = new ArrayList<>();
    Optional<PageRequest> next = Optional.of(PageRequest.first(3));
    while (next.isPresent()) {
      Page<Lead> page = crm.leads().query(hot, next.get());
      page.items().forEach(l -> assertThat(seen.add(l.id())).isTrue());
      walked.addAll(page.items());
      // An already returned lead cools down, then comes back hot: it must not be returned again.
      if (!page.items().isEmpty()) {
        Lead first = page.items().get(0);
        Lead stored = crm.leads().get(first.id());
        if (stored.status() != LeadStatus.CONVERTED) {
          Lead cooled = crm.leads().overrideTemperature(first.id(), Temperature.COLD);
          crm.leads().overrideTemperature(cooled.id(), Temperature.HOT);
        }
      }
      next = next.get().next(page);
    }
    assertThat(walked).extracting(Lead::id).containsExactlyElementsOf(hotAtStart.stream().map(Lead::id).toList());
  }

  @Test
  public void leadsAreFoundByEmailIgnoringCaseInIdOrder() {
    List<Lead> expected = leads.stream().filter(l -> l.email().orElseThrow().normalized().equals("person3@example.com")).toList();
    assertThat(expected).hasSize(3);
    assertThat(crm.leads().findByEmail("PERSON3@example.COM")).containsExactlyElementsOf(expected);
    assertThat(crm.leads().findByEmail("nobody@example.com")).isEmpty();
    // several addresses at once: each lead once, in id order
    List<Lead> either = leads.stream().filter(l -> List.of("person3@example.com", "person1@example.com")
        .contains(l.email().orElseThrow().normalized())).sorted(java.util.Comparator.comparing(Lead::id)).toList();
    assertThat(either).hasSizeGreaterThan(3);
    assertThat(persistence.<List<Lead>>inUnitOfWork(tenant, uow -> uow.port(dev.rapport.crm.lead.LeadRepository.class)
        .findByEmails(List.of(EmailAddress.of("PERSON3@example.com"), EmailAddress.of("person1@EXAMPLE.com"),
            EmailAddress.of("person3@example.com"), EmailAddress.of("nobody@example.com")))))
        .containsExactlyElementsOf(either);
  }

  @Test
  public void contactsAreFoundByEmailIgnoringCaseAndByAccountPageByPage() {
    Account a = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.minimalAccount(tenant, START, "A")));
    Account b = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.minimalAccount(tenant, START, "B")));
    List<Contact> ofA = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      Contact ca = Fixtures.contact(tenant, START, a.id(), "a" + i + "@Mail.example");
      Contact cb = Fixtures.contact(tenant, START, b.id(), null);
      Contact none = Fixtures.contact(tenant, START, null, i == 4 ? "A4@mail.EXAMPLE" : null);
      ofA.add(versioned(ca, 1));
      inUnitOfWork(uow -> {
        uow.port(ContactRepository.class).insert(none);
        uow.port(ContactRepository.class).insert(cb);
        return uow.port(ContactRepository.class).insert(ca);
      });
    }
    assertThat(StoreSnapshot.all(p -> crm.contacts().byAccount(a.id(), p), 4)).containsExactlyElementsOf(ofA);
    assertThat(StoreSnapshot.all(p -> crm.contacts().byAccount(b.id(), p), 3)).hasSize(11);
    assertThat(crm.contacts().countByAccount(a.id())).isEqualTo(11);
    assertThat(crm.contacts().countByAccount(b.id())).isEqualTo(11);
    assertThat(crm.contacts().countByAccount(dev.rapport.crm.common.AccountId.of(java.util.UUID.randomUUID()))).isZero();
    assertThat(StoreSnapshot.all(p -> crm.contacts().list(p), 5)).hasSize(33).extracting(Contact::id).isSorted();
    assertThat(crm.contacts().findByEmail("A4@MAIL.example")).hasSize(2).extracting(Contact::id).isSorted()
        .contains(ofA.get(4).id());
    assertThat(persistence.<List<Contact>>inUnitOfWork(tenant, uow -> uow.port(ContactRepository.class).findByEmail(EmailAddress.of("a7@mail.example"))))
        .containsExactly(ofA.get(7));
  }

  @Test
  public void aContactMovedToAnotherAccountIsListedOnlyUnderItsNewAccount() {
    Account a = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.minimalAccount(tenant, START, "A")));
    Account b = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.minimalAccount(tenant, START, "B")));
    Contact c = inUnitOfWork(uow -> uow.port(ContactRepository.class).insert(Fixtures.contact(tenant, START, a.id(), "x@y.example")));
    crm.contacts().attachToAccount(c.id(), b.id());
    assertThat(crm.contacts().byAccount(a.id(), PageRequest.first(10)).items()).isEmpty();
    assertThat(crm.contacts().byAccount(b.id(), PageRequest.first(10)).items()).extracting(Contact::id).containsExactly(c.id());
    assertThat(crm.contacts().countByAccount(a.id())).isZero();
    assertThat(crm.contacts().countByAccount(b.id())).isEqualTo(1);
  }

  @Test
  public void accountsAreFoundByNameKeyDomainAndExternalReference() {
    Account acme = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(new Account(Fixtures.minimalAccount(tenant, START, "x").id(),
        tenant, 0, "ACME, Inc.", Optional.of("acme.example"), Optional.of("CUST-42"), Optional.empty(), Optional.empty(), START, START, dev.rapport.crm.field.CustomFields.empty())));
    Account acme2 = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.minimalAccount(tenant, START, "Acme Inc")));
    inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.minimalAccount(tenant, START, "Acme Incorporated")));
    assertThat(crm.accounts().findByName("acme inc")).containsExactly(acme, acme2);
    assertThat(persistence.<List<Account>>inUnitOfWork(tenant, uow -> uow.port(AccountRepository.class).findByNameKey(Account.nameKey("Ácme Inc."))))
        .containsExactly(acme, acme2);
    assertThat(persistence.<List<Account>>inUnitOfWork(tenant, uow -> uow.port(AccountRepository.class).findByDomain("acme.example"))).containsExactly(acme);
    assertThat(crm.accounts().findByExternalReference("CUST-42")).contains(acme);
    assertThat(crm.accounts().findByExternalReference("CUST-43")).isEmpty();
    Account renamed = crm.accounts().rename(acme.id(), "Other Name");
    assertThat(crm.accounts().findByName("Acme Inc")).containsExactly(acme2);
    assertThat(crm.accounts().findByName("other name")).containsExactly(renamed);
    assertThat(StoreSnapshot.all(p -> crm.accounts().list(p), 2)).hasSize(3).extracting(Account::id).isSorted();
  }

  @Test
  public void opportunitiesAreQueriedByStatusStageAccountAndOwnerPageByPage() {
    Account a = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.minimalAccount(tenant, START, "A")));
    Account b = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.minimalAccount(tenant, START, "B")));
    List<Opportunity> all = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Opportunity o = Fixtures.opportunity(tenant, START, i % 3 == 0 ? b.id() : a.id(), i % 2 == 0 ? "ann" : null);
      Opportunity stored = inUnitOfWork(uow -> uow.port(OpportunityRepository.class).insert(o));
      if (i % 4 == 0) {
        stored = inUnitOfWork(uow -> uow.port(OpportunityRepository.class).update(uow.port(OpportunityRepository.class).find(o.id()).orElseThrow()
            .win(crm.opportunities().pipeline(), START)));
      } else if (i % 5 == 0) {
        Opportunity s = stored;
        stored = inUnitOfWork(uow -> uow.port(OpportunityRepository.class).update(s.moveTo(crm.opportunities().pipeline().stage("Proposal"), START)));
      }
      all.add(stored);
    }
    List<OpportunityQuery> queries = List.of(OpportunityQuery.all(),
        OpportunityQuery.all().withStatuses(Set.of(OpportunityStatus.WON)),
        OpportunityQuery.all().withStatuses(Set.of(OpportunityStatus.OPEN, OpportunityStatus.LOST)),
        OpportunityQuery.all().withStages(Set.of("Proposal")),
        OpportunityQuery.all().withAccount(a.id()),
        OpportunityQuery.all().withAccount(b.id()).withOwner("ann"),
        OpportunityQuery.all().withOwner("ann").withStatuses(Set.of(OpportunityStatus.OPEN)));
    for (OpportunityQuery q : queries) {
      Predicate<Opportunity> m = q::matches;
      assertThat(StoreSnapshot.all(p -> crm.opportunities().query(q, p), 4)).as(q.toString())
          .containsExactlyElementsOf(all.stream().filter(m).toList());
      assertThat(crm.opportunities().count(q)).as(q.toString()).isEqualTo(all.stream().filter(m).count());
    }
    // stage names are matched ignoring case and surrounding blanks, as in the commands
    OpportunityQuery proposal = OpportunityQuery.all().withStages(Set.of(" PROPOSAL "));
    List<Opportunity> inProposal = all.stream().filter(o -> o.stage().equals("Proposal")).toList();
    assertThat(inProposal).isNotEmpty();
    assertThat(crm.opportunities().query(proposal, PageRequest.first(50)).items()).containsExactlyElementsOf(inProposal);
    assertThat(crm.opportunities().count(proposal)).isEqualTo(inProposal.size());
  }

  @Test
  public void opportunitiesAreQueriedAndCountedByLeadSourceAndExpectedCloseDateBothDaysIncluded() {
    Account a = inUnitOfWork(uow -> uow.port(AccountRepository.class).insert(Fixtures.minimalAccount(tenant, START, "A")));
    LocalDate march = LocalDate.of(2026, 3, 1);
    LeadSource[] sources = {LeadSource.WEBINAR, LeadSource.REFERRAL, LeadSource.of("host_specific"), null};
    Random random = new Random(99);
    List<Opportunity> all = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // the first four sit on the bounds asked below; every seventh has no expected close date
      LocalDate close = i < 4 ? march.plusDays(new int[] {0, 30, 10, 31}[i])
          : i % 7 == 0 ? null : march.minusDays(20).plusDays(random.nextInt(80));
      Opportunity o = Fixtures.opportunity(tenant, START, a.id(), i % 2 == 0 ? "ann" : null,
          sources[random.nextInt(sources.length)], close);
      Opportunity stored = inUnitOfWork(uow -> uow.port(OpportunityRepository.class).insert(o));
      if (i % 5 == 4) {
        stored = inUnitOfWork(uow -> uow.port(OpportunityRepository.class).update(uow.port(OpportunityRepository.class).find(o.id()).orElseThrow()
            .win(crm.opportunities().pipeline(), START)));
      }
      all.add(stored);
    }
    all.sort(Comparator.comparing(Opportunity::id));
    LocalDate endOfMarch = march.plusDays(30);
    Predicate<Opportunity> inMarch = o -> o.expectedCloseDate().filter(d -> d.getMonthValue() == 3).isPresent(); // all in 2026
    Predicate<Opportunity> webinar = o -> o.source().equals(Optional.of(LeadSource.WEBINAR));
    Predicate<Opportunity> fromEleventh = o -> o.expectedCloseDate()
        .filter(d -> d.getMonthValue() > 3 || d.getMonthValue() == 3 && d.getDayOfMonth() >= 11).isPresent();
    record Case(String name, OpportunityQuery query, Predicate<Opportunity> expected) {}
    List<Case> cases = List.of(
        new Case("webinar", OpportunityQuery.all().withSources(Set.of(LeadSource.WEBINAR)), webinar),
        new Case("webinar or host's own", OpportunityQuery.all().withSources(Set.of(LeadSource.WEBINAR, LeadSource.of("host_specific"))),
            webinar.or(o -> o.source().equals(Optional.of(LeadSource.of("host_specific"))))),
        new Case("a source nobody has", OpportunityQuery.all().withSources(Set.of(LeadSource.of("nobody"))), o -> false),
        new Case("closing in March", OpportunityQuery.all().withExpectedClose(march, endOfMarch), inMarch),
        new Case("closing on the 11th of March or later",
            OpportunityQuery.all().withExpectedClose(march.plusDays(10), null), fromEleventh),
        new Case("closing by the 11th of March", OpportunityQuery.all().withExpectedClose(null, march.plusDays(10)),
            o -> o.expectedCloseDate().filter(d -> d.getMonthValue() < 3 || d.getMonthValue() == 3 && d.getDayOfMonth() <= 11).isPresent()),
        new Case("closing on the 11th of March", OpportunityQuery.all().withExpectedClose(march.plusDays(10), march.plusDays(10)),
            o -> o.expectedCloseDate().equals(Optional.of(march.plusDays(10)))),
        new Case("open webinar deals of ann closing in March", OpportunityQuery.all().withSources(Set.of(LeadSource.WEBINAR))
            .withStatuses(Set.of(OpportunityStatus.OPEN)).withOwner("ann").withExpectedClose(march, endOfMarch),
            webinar.and(inMarch).and(o -> o.status() == OpportunityStatus.OPEN && o.owner().equals(Optional.of("ann")))));
    for (Case c : cases) {
      List<Opportunity> expected = all.stream().filter(c.expected()).toList();
      assertThat(StoreSnapshot.all(p -> crm.opportunities().query(c.query(), p), 3)).as(c.name())
          .containsExactlyElementsOf(expected);
      assertThat(crm.opportunities().count(c.query())).as(c.name()).isEqualTo(expected.size());
    }
    assertThat(crm.opportunities().count(OpportunityQuery.all().withExpectedClose(march, endOfMarch)))
        .as("both bounds included").isGreaterThanOrEqualTo(3);
    assertThat(crm.opportunities().count(OpportunityQuery.all().withExpectedClose(march.plusDays(10), march.plusDays(10))))
        .isGreaterThanOrEqualTo(1);
    assertThat(crm.opportunities().count(OpportunityQuery.all())).isEqualTo(40);
  }

  @Test
  public void aCountInAUnitOfWorkSeesTheUnitsOwnWritesAndARolledBackUnitCountsNothing() {
    LeadQuery hotOfAnn = LeadQuery.all().withTemperatures(Set.of(Temperature.HOT)).withOwner("ann");
    long before = leads.stream().filter(hotOfAnn::matches).count();
    Lead cooled = leads.stream().filter(hotOfAnn::matches).filter(l -> l.status() != LeadStatus.CONVERTED).findFirst().orElseThrow();
    long inside = persistence.inUnitOfWork(tenant, uow -> {
      uow.port(LeadRepository.class).insert(Fixtures.lead(tenant, START.plus(Duration.ofDays(3)), LeadStatus.NEW, Temperature.HOT,
          LeadSource.WEBINAR, "ann", null));
      uow.port(LeadRepository.class).insert(Fixtures.lead(tenant, START.plus(Duration.ofDays(4)), LeadStatus.NEW, Temperature.COLD,
          LeadSource.WEBINAR, "ann", null));
      uow.port(LeadRepository.class).update(uow.port(LeadRepository.class).find(cooled.id()).orElseThrow().assignTo("bob", START));
      return uow.port(LeadRepository.class).count(hotOfAnn);
    });
    assertThat(inside).isEqualTo(before + 1 - 1);
    assertThat(crm.leads().count(hotOfAnn)).isEqualTo(before);
    assertThat(crm.leads().count(LeadQuery.all())).isEqualTo(leads.size() + 2);
    assertThatThrownBy(() -> inUnitOfWork(uow -> {
      uow.port(LeadRepository.class).insert(Fixtures.lead(tenant, START, LeadStatus.NEW, Temperature.HOT, LeadSource.WEBINAR, "ann", null));
      assertThat(uow.port(LeadRepository.class).count(hotOfAnn)).isEqualTo(before + 1);
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");
    assertThat(crm.leads().count(hotOfAnn)).isEqualTo(before);
  }
}
