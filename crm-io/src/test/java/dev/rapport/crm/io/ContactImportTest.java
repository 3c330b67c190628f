package dev.rapport.crm.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.memory.MemoryPersistence;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactImportTest {
  private final Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("books").build();
  private Account acme;
  private Account globex;

  private static Supplier<Reader> text(String s) {
    return () -> new StringReader(s);
  }

  private List<Contact> all() {
    return crm.contacts().list(PageRequest.first(500)).items();
  }

  private static void assertAddsUp(ImportReport r) {
    assertThat(r.read()).isEqualTo(r.stored() + r.skipped() + r.rejected() + r.discarded());
  }

  @BeforeEach
  void customers() {
    AccountImport.into(crm).csv(text("externalReference,name\nC-1,ACME Inc.\nC-2,Globex\n"));
    acme = crm.accounts().findByExternalReference("C-1").orElseThrow();
    globex = crm.accounts().findByExternalReference("C-2").orElseThrow();
  }

  private static final String PEOPLE = """
      Customer no.,givenName,familyName,email,phone,title
      C-1,Ada,Lovelace,ada@acme.example,+44 20 7946 0000,CFO
      C-2,Grace,Hopper,grace@globex.example,,
      C-9,Alan,Turing,alan@nowhere.example,,
      C-1,Ada,Lovelace,ADA@acme.example,,
      ,Charles,Babbage,,,
      C-2,Edsger,,edsger@globex.example,,
      """;

  @Test
  void storesThePeopleAtTheirAccountsOnceByTheirAddress() {
    ImportReport report = ContactImport.into(crm).column("Customer no.", ContactField.ACCOUNT).csv(text(PEOPLE));

    assertThat(report.read()).isEqualTo(6);
    assertThat(report.stored()).isEqualTo(3); // Ada, Grace, Charles (no account)
    assertThat(report.skipped()).isEqualTo(1); // Ada's address again, in other case
    assertThat(report.errors()).extracting(RowError::row, RowError::field, RowError::value).containsExactly(
        org.assertj.core.groups.Tuple.tuple(3L, "account", "C-9"),
        org.assertj.core.groups.Tuple.tuple(6L, "familyName", ""));
    assertThat(crm.contacts().findByEmail("ada@acme.example")).singleElement().satisfies(c -> {
      assertThat(c.accountId()).hasValue(acme.id());
      assertThat(c.title()).hasValue("CFO");
      assertThat(c.phones()).hasSize(1);
    });
    assertThat(crm.contacts().findByEmail("grace@globex.example")).singleElement()
        .satisfies(c -> assertThat(c.accountId()).hasValue(globex.id()));
    assertAddsUp(report);
  }

  @Test
  void runningTheSameFileAgainStoresOnlyThePeopleWithoutAnAddress() {
    ContactImport.into(crm).column("Customer no.", ContactField.ACCOUNT).csv(text(PEOPLE));
    List<Contact> before = all();

    ImportReport again = ContactImport.into(crm).column("Customer no.", ContactField.ACCOUNT).batchSize(2)
        .csv(text(PEOPLE));

    assertThat(again.stored()).isEqualTo(1); // Charles has no address: nothing tells him from a new person
    assertThat(again.skipped()).isEqualTo(3);
    assertThat(again.rejected()).isEqualTo(2);
    assertThat(all()).hasSize(before.size() + 1).containsAll(before);
    assertAddsUp(again);
  }

  @Test
  void validateFirstChecksTheAccountsAndStoresNothing() {
    ImportReport report = ContactImport.into(crm).mode(ImportMode.VALIDATE_FIRST)
        .column("Customer no.", ContactField.ACCOUNT).csv(text(PEOPLE));

    assertThat(report.stored()).isZero();
    assertThat(report.errors()).extracting(RowError::row).containsExactly(3L, 6L);
    assertThat(all()).isEmpty();
    assertAddsUp(report);
  }

  @Test
  void aReferenceNoAccountCouldHaveRefusesItsRow() {
    String json = "{\"familyName\": \"Lovelace\", \"account\": \"" + "x".repeat(300) + "\"}\n"
        + "{\"familyName\": \"Hopper\", \"account\": \"C-2\"}\n";
    ImportReport report = ContactImport.into(crm).jsonLines(text(json));

    assertThat(report.stored()).isEqualTo(1);
    assertThat(report.errors()).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("account");
      assertThat(e.rule()).contains("at most");
    });
    assertThatThrownBy(() -> ContactImport.into(crm).csv(text("Kunde,familyName\nC-1,X\n")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("names no contact field");
  }
}
