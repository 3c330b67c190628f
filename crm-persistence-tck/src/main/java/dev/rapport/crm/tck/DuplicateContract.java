package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.MatchKeys;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.dedupe.DuplicateCluster;
import dev.rapport.crm.dedupe.DuplicateMatch;
import dev.rapport.crm.dedupe.DuplicatePolicy;
import dev.rapport.crm.dedupe.DuplicateWarning;
import dev.rapport.crm.dedupe.MatchProfile;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.lead.LeadUpdate;
import dev.rapport.crm.lead.NewLead;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Duplicate detection on the adapter: each lead and contact is stored with its blocking keys
 * ({@link MatchKeys}) and {@code findByMatchKeys} finds exactly the records sharing one, in id
 * order, also after a change, never another tenant's; the look-ups, scans and the policies
 * (refuse, warn) of {@code crm.duplicates()} give the same answers on every adapter, and a refused
 * capture or creation leaves the store exactly as it was.
 */
public abstract class DuplicateContract extends ContractSupport {

  private Lead lead(String given, String family, String email, String phone) {
    NewLead.Builder b = NewLead.builder(PersonName.of(given, family), LeadSource.WEBSITE_SIGNUP);
    if (email != null) {
      b.email(email);
    }
    if (phone != null) {
      b.phone(phone);
    }
    return crm.leads().capture(b.build());
  }

  private List<LeadId> leadsByKeys(MatchKeys keys, int limit) {
    return inUnitOfWork(uow -> uow.port(LeadRepository.class).findByMatchKeys(keys, limit))
        .stream().map(Lead::id).toList();
  }

  private List<ContactId> contactsByKeys(MatchKeys keys, int limit) {
    return inUnitOfWork(uow -> uow.port(ContactRepository.class).findByMatchKeys(keys, limit))
        .stream().map(Contact::id).toList();
  }

  private static MatchKeys keysOf(Lead l) {
    return MatchKeys.of(l.name(), l.email(), l.phone());
  }

  @Test
  void aLeadIsFoundByEachOfItsKeysAndByNoOther() {
    Lead robert = lead("Robert", "Smith", "R.Smith+crm@Example.org", "+4930123456");
    Lead sameEmail = lead("Someone", "Else", "r.smith@example.org", null);
    Lead samePhone = lead("Other", "Person", null, "+49 30 123456");
    Lead bob = lead("Bob", "Smyth", null, null); // sounds the same, nickname of Robert: same name key
    Lead swapped = lead("Smith", "Robert", null, null);
    Lead unrelated = lead("Anna", "Jones", "anna@example.org", "+4930999999");

    assertThat(leadsByKeys(keysOf(robert), 100))
        .containsExactly(robert.id(), sameEmail.id(), samePhone.id(), bob.id(), swapped.id());
    assertThat(leadsByKeys(keysOf(unrelated), 100)).containsExactly(unrelated.id());
    assertThat(leadsByKeys(keysOf(robert), 2)).containsExactly(robert.id(), sameEmail.id());
  }

  @Test
  void anAddressIsNeverCrowdedOutByACommonName() {
    List<LeadId> namesakes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      namesakes.add(lead("Robert", "Smith", "robert" + i + "@example.org", null).id());
    }
    Lead sameAddress = lead("R.", "Smyth-Jones", "rsmith@example.org", null); // created last

    List<LeadId> found = leadsByKeys(MatchKeys.of(Optional.of("Robert"), Optional.of("Smith"),
        Optional.of("rsmith@example.org"), Optional.empty()), 3);

    assertThat(found).containsExactly(sameAddress.id(), namesakes.get(0), namesakes.get(1));
  }

  @Test
  void aLeadsKeysFollowItsChanges() {
    Lead l = lead("Robert", "Smith", "robert@example.org", null);
    MatchKeys before = keysOf(l);
    Lead changed = crm.leads().update(l.id(), LeadUpdate.builder()
        .name(PersonName.of("Maria", "Garcia")).email("maria@example.org").build());

    assertThat(leadsByKeys(before, 100)).isEmpty();
    assertThat(leadsByKeys(keysOf(changed), 100)).containsExactly(l.id());
  }

  @Test
  void keysInOtherScriptsAndAccentsAreStoredAndFound() {
    Lead cyrillic = lead("Сергей", "Иванов", "sergei@example.org", null);
    Lead latin = lead("Sergej", "Ivanov", null, null);
    Lead accented = lead("José", "Martínez", null, null);

    assertThat(leadsByKeys(keysOf(cyrillic), 100)).contains(cyrillic.id(), latin.id());
    assertThat(leadsByKeys(MatchKeys.of(Optional.of("Jose"), Optional.of("MARTINEZ"), Optional.empty(),
        Optional.empty()), 100)).containsExactly(accented.id());
  }

  @Test
  void anotherTenantsRecordsAreNeverFound() {
    Lead mine = lead("Robert", "Smith", "robert@example.org", "+4930123456");
    Crm other = crm(TenantId.of(tenant.value() + "-other"), persistence);
    Lead theirs = other.leads().capture(NewLead.builder(PersonName.of("Robert", "Smith"), LeadSource.WEBSITE_SIGNUP)
        .email("robert@example.org").phone("+4930123456").build());
    other.contacts().create(NewContact.builder(PersonName.of("Robert", "Smith")).email("robert@example.org").build());

    assertThat(leadsByKeys(keysOf(mine), 100)).containsExactly(mine.id());
    assertThat(contactsByKeys(keysOf(mine), 100)).isEmpty();
    assertThat(crm.duplicates().leadsLike(MatchProfile.of(theirs))).extracting(DuplicateMatch::id)
        .containsExactly(mine.id());
  }

  @Test
  void aContactIsFoundByItsNameAndPrimaryAddressAndNumber() {
    Contact c = crm.contacts().create(NewContact.builder(PersonName.of("Katherine", "Meyer"))
        .email("k.meyer@gmail.com").email("kate@work.example").phone("+4930555000").build());
    Contact sameMailbox = crm.contacts().create(NewContact.builder(PersonName.of("K", "Other"))
        .email("kmeyer+news@googlemail.com").build());
    Contact kate = crm.contacts().create(NewContact.builder(PersonName.of("Kate", "Maier")).build());
    crm.contacts().create(NewContact.builder(PersonName.of("Kate", "Jones")).email("kate@work.example").build());

    MatchKeys keys = MatchKeys.of(c.name(), c.emails(), c.phones());
    assertThat(contactsByKeys(keys, 100)).containsExactly(c.id(), sameMailbox.id(), kate.id());
  }

  @Test
  void theLikelyDuplicatesOfAContactAreItsVariantsNotItsColleagues() {
    Account acme = crm.accounts().create(NewAccount.builder("Acme").domain("acme.example").build());
    Contact robert = crm.contacts().create(NewContact.builder(PersonName.of("Robert", "Smith"))
        .account(acme.id()).email("robert.smith@acme.example").phone("+4930100100").build());
    Contact bob = crm.contacts().create(NewContact.builder(PersonName.of("Bob", "Smith"))
        .account(acme.id()).email("bob@gmail.com").build());
    crm.contacts().create(NewContact.builder(PersonName.of("Anna", "Smith")) // a colleague: office number
        .account(acme.id()).email("anna.smith@acme.example").phone("+4930100100").build());

    List<DuplicateMatch<ContactId>> found = crm.duplicates().ofContact(robert.id());

    assertThat(found).extracting(DuplicateMatch::id).containsExactly(bob.id());
    assertThat(found.get(0).comparison().matchedFields()).contains("givenName", "familyName", "company");
  }

  @Test
  void anAccountIsFoundByItsNameWithoutLegalFormAndByItsDomain() {
    Account acme = crm.accounts().create(NewAccount.builder("ACME Inc.").domain("acme.example").externalReference("C-1").build());
    Account sameName = crm.accounts().create(NewAccount.builder("Acme GmbH").build());
    Account sameDomain = crm.accounts().create(NewAccount.builder("A.C.M.E. Holding").domain("acme.example").build());
    Account other = crm.accounts().create(NewAccount.builder("Globex").domain("globex.example").build());
    Account symbols = crm.accounts().create(NewAccount.builder("!!!").build()); // nothing left once folded

    List<Account> byKeys = inUnitOfWork(uow -> uow.port(dev.rapport.crm.contact.AccountRepository.class)
        .findByMatchKeys(MatchKeys.companyKey("Acme"), Optional.of("acme.example"), 100));
    assertThat(byKeys).extracting(Account::id).containsExactly(acme.id(), sameName.id(), sameDomain.id());
    List<Account> bySymbols = inUnitOfWork(uow -> uow.port(dev.rapport.crm.contact.AccountRepository.class)
        .findByMatchKeys(MatchKeys.companyKey("!!!"), Optional.empty(), 100));
    assertThat(bySymbols).isEmpty();

    assertThat(crm.duplicates().ofAccount(acme.id())).extracting(DuplicateMatch::id)
        .containsExactlyInAnyOrder(sameName.id(), sameDomain.id());
    assertThat(crm.duplicates().accountsLike("Globex Corporation", null)).extracting(DuplicateMatch::id)
        .containsExactly(other.id());
    assertThat(crm.duplicates().ofAccount(symbols.id())).isEmpty();
    List<DuplicateCluster<dev.rapport.crm.common.AccountId>> clusters = crm.duplicates().scanAccounts(n -> { });
    assertThat(clusters).extracting(DuplicateCluster::members)
        .containsExactly(List.of(acme.id(), sameName.id(), sameDomain.id()));
  }

  @Test
  void manyCustomerNumbersAreFoundInOneCallAndCreatedInOne() {
    List<NewAccount> drafts = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      drafts.add(NewAccount.builder("Customer " + i).externalReference("C-" + i).build());
    }
    List<Account> created = crm.accounts().createAll(drafts);
    List<String> wanted = new ArrayList<>();
    for (int i = 0; i < 1_300; i += 2) { // 600 stored, 50 unknown, across several chunks
      wanted.add("C-" + i);
    }

    java.util.Map<String, Account> found = crm.accounts().findByExternalReferences(wanted);

    assertThat(found).hasSize(600);
    assertThat(found.get("C-1198")).isEqualTo(created.get(1198));
    assertThat(found).doesNotContainKey("C-1200");
    assertThat(created).hasSize(1_200).allMatch(a -> a.version() == 1);
    assertThat(events).hasSize(1_200);
  }

  @Test
  void manyContactsAreCreatedInOneCallAndFoundByTheirAddressesInOne() {
    Account acme = crm.accounts().create(NewAccount.builder("Acme").build());
    List<NewContact> drafts = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      drafts.add(NewContact.builder(PersonName.of("Person " + i)).account(acme.id())
          .email("p" + i + "@acme.example").email("alt" + i + "@acme.example").build());
    }
    List<Contact> created = crm.contacts().createAll(drafts);
    List<String> wanted = new ArrayList<>();
    for (int i = 0; i < 1_300; i += 2) { // 600 held, 50 unknown, across several chunks; one in upper case
      wanted.add((i == 4 ? "ALT" : "alt") + i + "@acme.example");
    }

    List<Contact> found = crm.contacts().findByEmails(wanted);

    assertThat(found).hasSize(600).isSortedAccordingTo(java.util.Comparator.comparing(Contact::id));
    assertThat(found).contains(created.get(4), created.get(1198)).doesNotContain(created.get(1));
    assertThat(created).allMatch(c -> c.version() == 1 && c.accountId().equals(Optional.of(acme.id())));
  }

  @Test
  void aRefusingPolicyRefusesALikelyDuplicateAccount() {
    Crm refusing = Crm.builder().persistence(persistence).tenant(tenant).clock(clock)
        .listener(events::add).duplicatePolicy(DuplicatePolicy.refuse()).build();
    Account acme = refusing.accounts().create(NewAccount.builder("Acme Ltd").domain("acme.example").build());
    StoreSnapshot before = StoreSnapshot.capture(persistence, tenant);
    events.clear();

    assertThatThrownBy(() -> refusing.accounts().create(NewAccount.builder("ACME").build()))
        .isInstanceOfSatisfying(DuplicateException.class,
            e -> assertThat(e.duplicateOf()).contains(acme.id().toString()));

    assertThat(StoreSnapshot.capture(persistence, tenant)).isEqualTo(before);
    assertThat(events).isEmpty();
  }

  @Test
  void theDuplicatesOfAnUnknownRecordAreNotFound() {
    assertThatThrownBy(() -> crm.duplicates().ofLead(LeadId.of(java.util.UUID.randomUUID())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.duplicates().ofContact(ContactId.of(java.util.UUID.randomUUID())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.duplicates().ofAccount(dev.rapport.crm.common.AccountId.of(java.util.UUID.randomUUID())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aRefusingPolicyRefusesALikelyDuplicateAndChangesNothing() {
    Crm refusing = Crm.builder().persistence(persistence).tenant(tenant).clock(clock)
        .listener(events::add).duplicatePolicy(DuplicatePolicy.refuse()).build();
    Lead stored = refusing.leads().capture(NewLead.builder(PersonName.of("Jürgen", "Müller"), LeadSource.WEBSITE_SIGNUP)
        .email("juergen@mueller.example").build());
    Contact contact = refusing.contacts().create(NewContact.builder(PersonName.of("Jürgen", "Müller"))
        .email("juergen@mueller.example").build());
    StoreSnapshot before = StoreSnapshot.capture(persistence, tenant);
    events.clear();

    assertThatThrownBy(() -> refusing.leads().capture(NewLead.builder(PersonName.of("Jurgen", "Mueller"),
        LeadSource.REFERRAL).email("JUERGEN@mueller.example").build()))
        .isInstanceOfSatisfying(DuplicateException.class, e -> {
          assertThat(e.duplicateOf()).contains(stored.id().toString());
          assertThat(e.getMessage()).contains("email");
        });
    // a list whose second lead is the first one again: none is stored
    assertThatThrownBy(() -> refusing.leads().captureAll(List.of(
        NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBSITE_SIGNUP).email("ada@example.org").build(),
        NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBSITE_SIGNUP).email("ada@example.org").build())))
        .isInstanceOf(DuplicateException.class);
    assertThatThrownBy(() -> refusing.contacts().create(NewContact.builder(PersonName.of("J.", "Müller"))
        .email("juergen@mueller.example").build()))
        .isInstanceOfSatisfying(DuplicateException.class,
            e -> assertThat(e.duplicateOf()).contains(contact.id().toString()));

    assertThat(StoreSnapshot.capture(persistence, tenant)).isEqualTo(before);
    assertThat(events).isEmpty();
    // someone else is welcome
    assertThat(refusing.leads().capture(NewLead.builder(PersonName.of("Grace", "Hopper"), LeadSource.WEBSITE_SIGNUP)
        .email("grace@example.org").build()).id()).isNotNull();
  }

  @Test
  void aWarningPolicyStoresTheRecordAndTellsTheHostWhatItLooksLike() {
    List<DuplicateWarning> warnings = new CopyOnWriteArrayList<>();
    Crm warning = Crm.builder().persistence(persistence).tenant(tenant).clock(clock)
        .duplicatePolicy(DuplicatePolicy.warn(warnings::add)).build();
    Lead first = warning.leads().capture(NewLead.builder(PersonName.of("Robert", "Smith"), LeadSource.WEBSITE_SIGNUP)
        .email("robert@smith.example").build());
    assertThat(warnings).isEmpty();

    Lead second = warning.leads().capture(NewLead.builder(PersonName.of("Bob", "Smith"), LeadSource.WEBSITE_SIGNUP)
        .email("robert@smith.example").build());

    assertThat(crm.leads().get(second.id())).isEqualTo(second);
    assertThat(warnings).singleElement().satisfies(w -> {
      assertThat(w.kind()).isEqualTo("lead");
      assertThat(w.id()).isEqualTo(second.id().toString());
      assertThat(w.matches()).extracting(m -> (Object) m.id()).containsExactly(first.id());
    });
  }

  @Test
  void aScanGroupsTheTenantsDuplicatesInClusters() {
    List<Contact> made = new ArrayList<>();
    made.add(crm.contacts().create(NewContact.builder(PersonName.of("Margaret", "Thatcher")).email("mt@example.org").build()));
    made.add(crm.contacts().create(NewContact.builder(PersonName.of("Maggie", "Thatcher")).email("mt@example.org").build()));
    made.add(crm.contacts().create(NewContact.builder(PersonName.of("Thatcher", "Margaret")).phone("+442071234567").email("MT@example.org").build()));
    made.add(crm.contacts().create(NewContact.builder(PersonName.of("Олег", "Петров")).email("oleg@example.org").build()));
    made.add(crm.contacts().create(NewContact.builder(PersonName.of("Oleg", "Petrov")).email("oleg@example.org").build()));
    for (int i = 0; i < 30; i++) {
      made.add(crm.contacts().create(NewContact.builder(PersonName.of("Person" + i, "Family" + (char) ('a' + i % 26) + i))
          .email("p" + i + "@example.org").build()));
    }
    List<Integer> progress = new CopyOnWriteArrayList<>();

    List<DuplicateCluster<ContactId>> clusters = crm.duplicates().scanContacts(progress::add);

    assertThat(clusters).extracting(DuplicateCluster::members).containsExactly(
        List.of(made.get(0).id(), made.get(1).id(), made.get(2).id()),
        List.of(made.get(3).id(), made.get(4).id()));
    assertThat(clusters.get(0).pairs()).isNotEmpty();
    assertThat(progress).last().isEqualTo(made.size());
  }
}
