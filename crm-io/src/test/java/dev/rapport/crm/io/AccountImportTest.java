package dev.rapport.crm.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.memory.MemoryPersistence;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AccountImportTest {
  private final Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("books").build();

  private static Supplier<Reader> text(String s) {
    return () -> new StringReader(s);
  }

  private List<Account> all() {
    return crm.accounts().list(PageRequest.first(500)).items();
  }

  private static void assertAddsUp(ImportReport r) {
    assertThat(r.read()).isEqualTo(r.stored() + r.skipped() + r.rejected() + r.discarded());
  }

  private static final String CUSTOMERS = """
      Customer no.,Name,Domain,Industry
      C-1001,ACME Inc.,acme.example,Logistics
      C-1002,Globex,globex.example,
      C-1001,ACME Inc. (again),,
      ,Walk-in Customer,,
      C-1003,,initech.example,Software
      C-1004,Initech,not a domain,Software
      """;

  @Test
  void storesTheCustomersOnceByTheirNumberAndReportsTheBadRows() {
    ImportReport report = AccountImport.into(crm).column("Customer no.", AccountField.EXTERNAL_REFERENCE)
        .csv(text(CUSTOMERS));

    assertThat(report.read()).isEqualTo(6);
    assertThat(report.stored()).isEqualTo(3); // C-1001, C-1002, the walk-in customer
    assertThat(report.skipped()).isEqualTo(1); // C-1001 a second time
    assertThat(report.errors()).extracting(RowError::row, RowError::field).containsExactly(
        org.assertj.core.groups.Tuple.tuple(5L, "name"), org.assertj.core.groups.Tuple.tuple(6L, "domain"));
    assertThat(report.errors().get(1).value()).isEqualTo("not a domain");
    assertThat(crm.accounts().findByExternalReference("C-1001")).hasValueSatisfying(a -> {
      assertThat(a.name()).isEqualTo("ACME Inc.");
      assertThat(a.domain()).hasValue("acme.example");
      assertThat(a.industry()).hasValue(dev.rapport.crm.common.Industry.of("logistics"));
    });
    assertAddsUp(report);
  }

  @Test
  void runningTheSameFileAgainStoresNothingTwice() {
    AccountImport.into(crm).column("Customer no.", AccountField.EXTERNAL_REFERENCE).csv(text(CUSTOMERS));
    List<Account> before = all();

    ImportReport again = AccountImport.into(crm).column("Customer no.", AccountField.EXTERNAL_REFERENCE)
        .batchSize(2).csv(text(CUSTOMERS));

    // the walk-in customer has no number: nothing tells it from a new one, so it is stored again
    assertThat(again.stored()).isEqualTo(1);
    assertThat(again.skipped()).isEqualTo(3);
    assertThat(all()).hasSize(before.size() + 1).containsAll(before);
    assertAddsUp(again);
  }

  @Test
  void aNumberRepeatedInALaterBatchIsSkippedToo() {
    String csv = "externalReference,name\nA-1,One\nA-2,Two\nA-3,Three\nA-1,One again\nA-3,Three again\n";
    List<ImportProgress> progress = new ArrayList<>();

    ImportReport report = AccountImport.into(crm).batchSize(2).onProgress(progress::add).csv(text(csv));

    assertThat(report.stored()).isEqualTo(3);
    assertThat(report.skipped()).isEqualTo(2);
    assertThat(all()).extracting(Account::name).containsExactly("One", "Two", "Three");
    assertThat(progress).last().satisfies(p -> {
      assertThat(p.stored()).isEqualTo(3);
      assertThat(p.skipped()).isEqualTo(2);
    });
  }

  @Test
  void validateFirstStoresNothingWhenARowIsBad() {
    crm.accounts().create(NewAccount.builder("Before").build());
    List<Account> before = all();

    ImportReport report = AccountImport.into(crm).mode(ImportMode.VALIDATE_FIRST)
        .column("Customer no.", AccountField.EXTERNAL_REFERENCE).csv(text(CUSTOMERS));

    assertThat(report.stored()).isZero();
    assertThat(report.rejected()).isEqualTo(2);
    assertThat(report.discarded()).isEqualTo(4);
    assertThat(all()).isEqualTo(before);
    assertAddsUp(report);
  }

  @Test
  void readsJsonLines() {
    String json = """
        {"name": "ACME", "externalReference": "C-1", "domain": "acme.example"}
        {"name": "Globex", "externalReference": null}
        {"name": "ACME", "externalReference": "C-1"}
        """;
    ImportReport report = AccountImport.into(crm).jsonLines(text(json));

    assertThat(report.stored()).isEqualTo(2);
    assertThat(report.skipped()).isEqualTo(1);
    assertThat(all()).extracting(Account::name).containsExactly("ACME", "Globex");
  }

  @Test
  void underARefusingPolicyALikelyDuplicateIsAnErrorOfItsRowAndTheRestAreStored() {
    Crm strict = Crm.builder().persistence(MemoryPersistence.create()).tenant("strict")
        .duplicatePolicy(dev.rapport.crm.dedupe.DuplicatePolicy.refuse()).build();
    Account stored = strict.accounts().create(NewAccount.builder("Acme GmbH").domain("acme.example").build());
    String csv = "name,domain\nGlobex,globex.example\nACME Inc.,acme.example\nInitech,initech.example\n"
        + "Globex Corporation,globex.example\n";

    ImportReport report = AccountImport.into(strict).batchSize(10).csv(text(csv));

    assertThat(report.stored()).isEqualTo(2); // Globex, Initech
    assertThat(report.errors()).extracting(RowError::row, RowError::field).containsExactly(
        org.assertj.core.groups.Tuple.tuple(2L, "duplicate"), org.assertj.core.groups.Tuple.tuple(4L, "duplicate"));
    assertThat(report.errors().get(0).value()).isEqualTo(stored.id().toString());
    assertThat(report.errors().get(0).rule()).contains("likely a duplicate");
    assertThat(strict.accounts().list(PageRequest.first(10)).items()).extracting(Account::name)
        .containsExactly("Acme GmbH", "Globex", "Initech");
    assertAddsUp(report);
  }

  @Test
  void anUnknownHeaderIsRefusedBeforeAnythingIsStored() {
    assertThatThrownBy(() -> AccountImport.into(crm).csv(text("Customer no.,name\nC-1,ACME\n")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("names no account field");
    assertThat(all()).isEmpty();
    assertThatThrownBy(() -> AccountImport.into(crm).batchSize(0)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("batchSize");
    assertThatThrownBy(() -> AccountImport.into(null)).isInstanceOf(ValidationException.class);
  }
}
