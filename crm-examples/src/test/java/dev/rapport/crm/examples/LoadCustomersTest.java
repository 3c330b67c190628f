package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.io.ImportReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCustomersTest {
  @Test
  void theCustomersAndTheirPeopleComeInOnceAndTheLedgersOwnDuplicateIsFound(@TempDir Path dir) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ImportReport again = LoadCustomers.run(dir, new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("customers: 5002 stored, 1 known already");
    assertThat(out).contains("contacts: 5006 stored, 1 refused", "row 5001, account: names no account");
    assertThat(out).contains("again: 0 customers and 0 contacts stored, 10009 rows known already");
    assertThat(again.stored()).isZero();
    assertThat(out).contains("one company, 2 accounts: [ACME Inc. (K-9001), ACME GmbH (K-9002)], matching [name, domain]");
    assertThat(out.lines().filter(l -> l.startsWith("one company"))).hasSize(1);
    assertThat(out).contains("merged into ACME Inc.; K-9002 is now ACME Inc.");
    assertThat(out).contains("merged [Kathy Meyer] into Katherine Meyer [katherine.meyer@customer100.example,"
        + " Katherine.Meyer+invoices@customer100.example]");
    assertThat(out.lines().filter(l -> l.startsWith("merged ["))).hasSize(3).noneMatch(l -> l.contains("lost"));
    assertThat(out).contains("contacts of customer K-100: 3 before, 2 after");
  }
}
