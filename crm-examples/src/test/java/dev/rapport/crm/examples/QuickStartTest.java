package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.feedback.FeedbackReceived;
import dev.rapport.crm.lead.LeadConverted;
import dev.rapport.crm.opportunity.OpportunityWon;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void theQuickStartConvertsAdaAndWinsTheDeal() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    List<CrmEvent> events = QuickStart.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);

    assertThat(out).containsPattern("Ada Lovelace\\s+webinar\\s+CONVERTED\\s+HOT");
    assertThat(out).containsPattern("Grace Hopper\\s+newsletter\\s+NEW\\s+WARM");
    assertThat(out).containsPattern("Alan Turing\\s+purchased_list\\s+NEW\\s+COLD");
    assertThat(out).contains("at account \"Analytical Engines Ltd\" (new account: true)");
    assertThat(out).contains("18000.00 EUR, WON");
    // 2 members (Ada, Grace), both responded; Ada attributed, converted and won;
    // ROI = (18000 - 1200) / 1200 = 14
    assertThat(out).contains("2 members, 2 responses, 1 lead, 1 converted, 1 won for 18000.00 EUR, ROI 14.0000");
    // analytics: three leads from three sources; the webinar lead became the won deal
    assertThat(out).contains("source webinar, last 30 days: 1 leads, 1 converted, 1 won for 18000.00 EUR",
        "source newsletter, last 30 days: 1 leads, 0 converted, 0 won for 0.00 EUR");
    // Ada's industry: a row of its own in the report, and given to the account conversion made
    assertThat(out).contains("industry technology, last 30 days: 1 leads, 1 won",
        "account \"Analytical Engines Ltd\" works in technology (from the lead)");
    assertThat(out).contains("industry not known, last 30 days: 2 leads, 0 won");
    // 25 seats at 720.00, invoiced 60 days ago, due 30 days later, settled 41 days after it: 11 days late
    assertThat(out).containsPattern("sales of \"Analytical Engines Ltd\": 1 purchase of 18000.00 EUR, first on"
        + " \\d{4}-\\d{2}-\\d{2}; invoices paid on time 0, late 1 \\(worst 11 days\\): OCCASIONALLY_LATE");
    assertThat(out).containsSubsequence("NPS answer: 9", "Case resolved: Import mapping updated",
        "Case: NEW -> IN_PROGRESS", "Case opened (HIGH): Bank import rejects MT940 files", "Task done: Send the quote", "Status: QUALIFIED -> CONVERTED",
        "meeting: Demo of the ledger suite", "Temperature: WARM -> HOT", "call: Asked for a demo",
        "Campaign response: attended", "Lead captured (source: webinar)");
    assertThat(events).filteredOn(LeadConverted.class::isInstance).hasSize(1);
    assertThat(events).filteredOn(OpportunityWon.class::isInstance).hasSize(1);
    assertThat(events).last().isInstanceOf(FeedbackReceived.class);
  }

  @Test
  void theReadmeShowsTheQuickStartCodeAsItIs() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    String readme = Files.readString(root.resolve("README.md"));
    String source = Files.readString(Path.of("src/main/java/dev/rapport/crm/examples/QuickStart.java"));
    Matcher m = Pattern.compile("// quick-start:begin\\n(.*?)\\n\\s*// quick-start:end", Pattern.DOTALL).matcher(source);
    assertThat(m.find()).isTrue();
    String code = m.group(1).lines().map(l -> l.replaceFirst("^    ", "")).reduce((a, b) -> a + "\n" + b).orElseThrow();
    assertThat(readme).contains(code);
    // and its imports, so that a reader can tell where every type comes from
    String imports = source.lines().filter(l -> l.startsWith("import ")).reduce((a, b) -> a + "\n" + b).orElseThrow();
    assertThat(readme).contains(imports);
  }
}
