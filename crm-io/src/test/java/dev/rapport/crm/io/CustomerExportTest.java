package dev.rapport.crm.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.memory.MemoryPersistence;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Exporting accounts and contacts, and reading the files back through the importers into another
 * tenant: the same customers and people come out, in CSV and in JSON lines.
 */
class CustomerExportTest {

  private static Crm crm() {
    return Crm.builder().persistence(MemoryPersistence.create()).tenant("export").build();
  }

  /** Accounts and contacts with commas, quotes, accents, line breaks and empty fields. */
  private static Crm source() {
    Crm crm = crm();
    Account acme = crm.accounts().create(NewAccount.builder("ACME, Inc.").domain("acme.example")
        .externalReference("K-1").industry("Wholesale \"B2B\"").owner("ann").build());
    Account mueller = crm.accounts().create(NewAccount.builder("Müller & Söhne GmbH").externalReference("K-2").build());
    crm.accounts().create(NewAccount.builder("Zeta\\nLtd").externalReference("K-3").domain("zeta.example").build());
    crm.contacts().create(NewContact.builder(PersonName.of("Katherine", "Meyer")).account(acme.id())
        .email("k.meyer@acme.example").phone("+4930123456").title("Head of \"Finance\", EMEA").owner("sam").build());
    crm.contacts().create(NewContact.builder(PersonName.of("José", "Núñez")).account(mueller.id())
        .email("jose@mueller.example").build());
    crm.contacts().create(NewContact.builder(PersonName.of("Cher")).email("cher@example.org").build());
    return crm;
  }

  /** What a round trip must keep of an account: every field but the id and the times. */
  private static List<List<Object>> accounts(Crm crm) {
    List<List<Object>> out = new ArrayList<>();
    for (Account a : crm.accounts().list(PageRequest.first(100)).items()) {
      out.add(List.of(a.name(), a.domain(), a.externalReference(), a.industry(), a.owner()));
    }
    return out;
  }

  /** What a round trip must keep of a contact: its fields, and its account by reference. */
  private static List<List<Object>> contacts(Crm crm) {
    List<List<Object>> out = new ArrayList<>();
    for (Contact c : crm.contacts().list(PageRequest.first(100)).items()) {
      out.add(List.of(c.name(), c.emails(), c.phones(), c.title(), c.owner(),
          c.accountId().map(id -> crm.accounts().get(id).externalReference()).orElse(java.util.Optional.empty())));
    }
    return out;
  }

  private static void roundTrip(BiFunction<Crm, StringWriter, Long> accountsOut, BiFunction<Crm, StringWriter, Long> contactsOut,
      boolean csv) {
    Crm source = source();
    StringWriter accountFile = new StringWriter();
    StringWriter contactFile = new StringWriter();
    assertThat(accountsOut.apply(source, accountFile)).isEqualTo(3);
    assertThat(contactsOut.apply(source, contactFile)).isEqualTo(3);

    Crm target = crm();
    AccountImport accounts = AccountImport.into(target);
    ContactImport contacts = ContactImport.into(target);
    ImportReport a = csv ? accounts.csv(() -> new StringReader(accountFile.toString()))
        : accounts.jsonLines(() -> new StringReader(accountFile.toString()));
    ImportReport c = csv ? contacts.csv(() -> new StringReader(contactFile.toString()))
        : contacts.jsonLines(() -> new StringReader(contactFile.toString()));

    assertThat(a.stored()).isEqualTo(3);
    assertThat(c.stored()).isEqualTo(3);
    assertThat(accounts(target)).isEqualTo(accounts(source));
    assertThat(contacts(target)).isEqualTo(contacts(source));
  }

  @Test
  void accountsAndContactsExportedAsCsvImportBackToTheSameRecords() {
    roundTrip((crm, w) -> AccountExport.csv(crm, w), (crm, w) -> ContactExport.csv(crm, w), true);
  }

  @Test
  void accountsAndContactsExportedAsJsonLinesImportBackToTheSameRecords() {
    roundTrip((crm, w) -> AccountExport.jsonLines(crm, w), (crm, w) -> ContactExport.jsonLines(crm, w), false);
  }

  @Test
  void oneAccountsPeopleAreExportedAloneAndEmptyFieldsAreLeftOutOfJsonLines() {
    Crm crm = source();
    Account acme = crm.accounts().findByExternalReference("K-1").orElseThrow();
    StringWriter csv = new StringWriter();
    assertThat(ContactExport.csv(crm, acme.id(), csv)).isEqualTo(1);
    assertThat(csv.toString().lines()).containsExactly("givenName,familyName,email,phone,title,owner,account",
        "Katherine,Meyer,k.meyer@acme.example,\"+4930123456\",\"Head of \"\"Finance\"\", EMEA\",sam,K-1");
    StringWriter json = new StringWriter();
    ContactExport.jsonLines(crm, json);
    assertThat(json.toString().lines()).element(2).isEqualTo("{\"familyName\":\"Cher\",\"email\":\"cher@example.org\"}");
  }

  @Test
  void aNullArgumentIsRefusedNamingIt() {
    Crm crm = crm();
    assertThatThrownBy(() -> AccountExport.csv(null, new StringWriter())).isInstanceOf(ValidationException.class)
        .hasMessageContaining("crm");
    assertThatThrownBy(() -> ContactExport.jsonLines(crm, null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("out");
    assertThatThrownBy(() -> ContactExport.csv(crm, null, new StringWriter())).isInstanceOf(ValidationException.class)
        .hasMessageContaining("account");
  }
}
