package dev.rapport.crm.examples;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.dedupe.DuplicateCluster;
import dev.rapport.crm.io.ImportMode;
import dev.rapport.crm.io.ImportReport;
import dev.rapport.crm.io.LeadExport;
import dev.rapport.crm.io.LeadField;
import dev.rapport.crm.io.LeadImport;
import dev.rapport.crm.lead.LeadMergePlan;
import dev.rapport.crm.lead.LeadQuery;
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
 * Loading a customer list: writes a CSV file of 20,000 leads the way another system exports them
 * (its own headers, a few bad rows, 20 customers a second time under a nickname and a tagged
 * address), imports it with a progress bar in the terminal, prints the report of the bad rows,
 * finds the customers that are in it twice, merges each into its first row, and exports the
 * tenant's leads as JSON lines.
 *
 * <pre>{@code ./mvnw -q -pl crm-examples -am -DskipTests package exec:java -Dexec.mainClass=dev.rapport.crm.examples.ImportLeads}</pre>
 */
public final class ImportLeads {
  private ImportLeads() {}

  /** Runs the example in {@code crm-examples/target} (or the directory given). */
  public static void main(String[] args) {
    run(Path.of(args.length > 0 ? args[0] : "target"), System.out);
  }

  /** Runs the example in {@code dir}; returns the report. */
  public static ImportReport run(Path dir, PrintStream out) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("customers.csv");
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        w.write("First name,Last name,E-Mail,Company,Origin\n");
        for (int i = 1; i <= 20_000; i++) {
          String email = i % 2_500 == 0 ? "no-at-sign-" + i : "customer" + i + "@example.com";
          String last = i % 3_333 == 0 ? "" : "Customer " + i;
          w.write("Pat," + last + "," + email + ",\"Firm " + (i % 700) + ", Ltd\"," + (i % 2 == 0 ? "webinar" : "referral")
              + "\n");
        }
        // the same customers again, as another department typed them
        for (int i = 1_000; i <= 20_000; i += 1_000) {
          w.write("Patrick,Customer " + i + ",Customer" + i + "+news@Example.com,\"Firm " + (i % 700) + "\",webinar\n");
        }
      }
      Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("acme").build();
      ImportReport report = LeadImport.into(crm)
          .column("First name", LeadField.GIVEN_NAME)
          .column("Last name", LeadField.FAMILY_NAME)
          .column("Origin", LeadField.SOURCE)
          .mode(ImportMode.VALIDATE_FIRST)
          .onProgress(p -> out.print("\r" + p.bar(40)))
          .csv(LeadImport.utf8(file));
      out.println();
      out.println(report.read() + " rows read, " + report.stored() + " stored, " + report.rejected() + " refused");
      report.errors().forEach(e -> out.println("  row " + e.row() + ", " + e.field() + ": " + e.rule() + " ("
          + e.value() + ")"));
      if (!report.clean()) {
        // validate first stored nothing: keep the good rows instead
        report = LeadImport.into(crm).column("First name", LeadField.GIVEN_NAME)
            .column("Last name", LeadField.FAMILY_NAME).column("Origin", LeadField.SOURCE)
            .onProgress(p -> out.print("\r" + p.bar(40)))
            .csv(LeadImport.utf8(file));
        out.println();
        out.println("again, keeping the good rows: " + report.stored() + " stored, " + report.rejected() + " refused");
      }
      List<DuplicateCluster<LeadId>> clusters = crm.duplicates().scanLeads(n -> out.print("\rscanned " + n + " leads"));
      out.println();
      out.println(clusters.size() + " customers are in the file more than once, e.g.:");
      for (DuplicateCluster<LeadId> c : clusters.subList(0, Math.min(3, clusters.size()))) {
        List<String> names = c.members().stream().map(id -> crm.leads().get(id))
            .map(l -> l.name() + " <" + l.email().map(Object::toString).orElse("") + ">").toList();
        out.println("  " + String.join(" = ", names) + ", matching " + c.pairs().get(0).comparison().matchedFields());
      }
      // each customer once: the later rows merged into the first (their signals, tasks, memberships move)
      int merged = 0;
      for (DuplicateCluster<LeadId> c : clusters) {
        merged += crm.leads().merge(LeadMergePlan.of(c.members().get(0), c.members().subList(1, c.members().size())))
            .merged().size();
      }
      out.println(merged + " leads merged into the first of their customer");
      Path export = dir.resolve("leads.jsonl");
      try (Writer w = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
        out.println(LeadExport.jsonLines(crm, LeadQuery.all(), w) + " leads exported to " + export);
      }
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
