package dev.rapport.crm.examples;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.contact.AccountMerge;
import dev.rapport.crm.contact.AccountMergePlan;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.ContactMerge;
import dev.rapport.crm.contact.ContactMergePlan;
import dev.rapport.crm.dedupe.DuplicateCluster;
import dev.rapport.crm.io.AccountField;
import dev.rapport.crm.io.AccountImport;
import dev.rapport.crm.io.ContactField;
import dev.rapport.crm.io.ContactImport;
import dev.rapport.crm.io.ImportReport;
import dev.rapport.crm.io.LeadImport;
import dev.rapport.crm.memory.MemoryPersistence;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An accounting package loads its customers: writes the two files its ledger exports (5,000
 * customers with their customer numbers, one of them listed twice, and a contact person for each,
 * one row naming a customer number the ledger has not), imports the customers and then their
 * people with a progress bar, imports both files again to show that nothing is stored twice, and
 * lists the customers the ledger itself holds twice under other numbers ({@code ACME Inc.} and
 * {@code ACME GmbH} at one domain) and merges them into one; then finds the three people it lists twice (a nickname, a
 * typo, a swapped name) and merges each pair into one contact.
 *
 * <pre>{@code ./mvnw -q -pl crm-examples -am -DskipTests package exec:java -Dexec.mainClass=dev.rapport.crm.examples.LoadCustomers}</pre>
 */
public final class LoadCustomers {
  private LoadCustomers() {}

  /** Runs the example in {@code crm-examples/target} (or the directory given). */
  public static void main(String[] args) {
    run(Path.of(args.length > 0 ? args[0] : "target"), System.out);
  }

  /** Runs the example in {@code dir}; returns the second (re-run) contact import's report. */
  public static ImportReport run(Path dir, PrintStream out) {
    try {
      Files.createDirectories(dir);
      Path customers = dir.resolve("customers.csv");
      Path people = dir.resolve("contacts.csv");
      try (Writer c = Files.newBufferedWriter(customers, StandardCharsets.UTF_8);
          Writer p = Files.newBufferedWriter(people, StandardCharsets.UTF_8)) {
        c.write("Kundennummer,Firma,Domain\n");
        p.write("Kundennummer,Vorname,Nachname,E-Mail\n");
        for (int i = 1; i <= 5_000; i++) {
          c.write("K-" + i + ",Customer " + i + " GmbH,customer" + i + ".example\n");
          p.write("K-" + i + ",Pat,Person " + i + ",pat@customer" + i + ".example\n");
        }
        c.write("K-17,Customer 17 GmbH,customer17.example\n"); // listed twice by the ledger
        c.write("K-9001,ACME Inc.,acme.example\nK-9002,ACME GmbH,acme.example\n"); // one company, two numbers
        p.write("K-9999,Max,Mustermann,max@unknown.example\n"); // a number the ledger has not
        // three people the ledger lists twice: a nickname and a tagged address, a typo, a swapped name
        p.write("K-100,Katherine,Meyer,katherine.meyer@customer100.example\n"
            + "K-100,Kathy,Meyer,Katherine.Meyer+invoices@customer100.example\n"
            + "K-200,Jonathan,Schmidt,j.schmidt@customer200.example\n"
            + "K-200,Jonathan,Schmitd,J.Schmidt+crm@customer200.example\n"
            + "K-300,Anna,Novak,anna.novak@customer300.example\n"
            + "K-300,Novak,Anna,Anna.Novak+ledger@customer300.example\n");
      }
      Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("ledger").build();
      ImportReport accounts = accounts(crm, customers, out);
      out.println("customers: " + accounts.stored() + " stored, " + accounts.skipped() + " known already");
      ImportReport contacts = contacts(crm, people, out);
      out.println("contacts: " + contacts.stored() + " stored, " + contacts.rejected() + " refused");
      contacts.errors().forEach(e -> out.println("  row " + e.row() + ", " + e.field() + ": " + e.rule() + " ("
          + e.value() + ")"));

      ImportReport again = accounts(crm, customers, out);
      ImportReport peopleAgain = contacts(crm, people, out);
      out.println("again: " + again.stored() + " customers and " + peopleAgain.stored() + " contacts stored, "
          + (again.skipped() + peopleAgain.skipped()) + " rows known already");

      List<DuplicateCluster<AccountId>> twice = crm.duplicates().scanAccounts(n -> { });
      for (DuplicateCluster<AccountId> cluster : twice) {
        out.println("one company, " + cluster.members().size() + " accounts: " + cluster.members().stream()
            .map(id -> crm.accounts().get(id)).map(a -> a.name() + " (" + a.externalReference().orElse("") + ")")
            .toList() + ", matching " + cluster.pairs().get(0).comparison().matchedFields());
        // merged into the first: the other's people, history and sales move, its number leads to it
        AccountMerge merge = crm.accounts().merge(AccountMergePlan.of(cluster.members().get(0),
            cluster.members().subList(1, cluster.members().size())));
        out.println("merged into " + merge.survivor().name() + "; K-9002 is now "
            + crm.accounts().findByExternalReference("K-9002").map(a -> a.name()).orElse("nobody"));
      }

      // the people listed twice: each cluster merged into its oldest contact, links and all
      AccountId k100 = crm.accounts().findByExternalReference("K-100").orElseThrow().id();
      long before = crm.contacts().countByAccount(k100);
      List<DuplicateCluster<ContactId>> people2 = crm.duplicates().scanContacts(n -> { });
      for (DuplicateCluster<ContactId> cluster : people2) {
        Contact survivor = crm.contacts().get(cluster.members().get(0));
        List<Contact> others = cluster.members().subList(1, cluster.members().size()).stream()
            .map(crm.contacts()::get).toList();
        ContactMerge merge = crm.contacts().merge(ContactMergePlan.of(survivor, others));
        Contact merged = crm.contacts().get(others.get(0).id()); // a merged id leads to the survivor
        out.println("merged " + others.stream().map(c -> c.name().toString()).toList() + " into "
            + merge.survivor().name() + " " + merge.survivor().emails().stream().map(e -> e.address()).toList()
            + (merged.id().equals(survivor.id()) ? "" : " (lost!)"));
      }
      out.println("contacts of customer K-100: " + before + " before, " + crm.contacts().countByAccount(k100) + " after");
      return peopleAgain;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ImportReport accounts(Crm crm, Path file, PrintStream out) {
    ImportReport r = AccountImport.into(crm)
        .column("Kundennummer", AccountField.EXTERNAL_REFERENCE)
        .column("Firma", AccountField.NAME)
        .onProgress(p -> out.print("\r" + p.bar(40)))
        .csv(LeadImport.utf8(file));
    out.println();
    return r;
  }

  private static ImportReport contacts(Crm crm, Path file, PrintStream out) {
    ImportReport r = ContactImport.into(crm)
        .column("Kundennummer", ContactField.ACCOUNT)
        .column("Vorname", ContactField.GIVEN_NAME)
        .column("Nachname", ContactField.FAMILY_NAME)
        .column("E-Mail", ContactField.EMAIL)
        .onProgress(p -> out.print("\r" + p.bar(40)))
        .csv(LeadImport.utf8(file));
    out.println();
    return r;
  }
}
