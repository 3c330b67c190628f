package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.io.ImportReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportLeadsTest {
  @Test
  void theExampleRefusesTheFileFirstThenKeepsItsGoodRowsAndExportsThem(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ImportReport report = ImportLeads.run(dir, new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);

    // 8 rows without an @ (every 2,500th), 6 without a family name (every 3,333rd): 14 refused
    assertThat(out).contains("20020 rows read, 0 stored, 14 refused");
    assertThat(out).contains("row 2500, email:", "row 3333, familyName:");
    assertThat(out).contains("\r20020 rows");
    assertThat(report.stored()).isEqualTo(20_006);
    // 20 customers again, 4 of whose first rows were refused (no @): 16 found twice, colleagues none
    assertThat(out).contains("16 customers are in the file more than once",
        "Pat Customer 1000 <customer1000@example.com> = Patrick Customer 1000 <Customer1000+news@Example.com>");
    assertThat(out).contains("16 leads merged into the first of their customer");
    assertThat(out).contains("19990 leads exported to");
    assertThat(Files.readAllLines(dir.resolve("leads.jsonl"))).hasSize(19_990)
        .first().asString().contains("\"company\":\"Firm 1, Ltd\"");
  }
}
