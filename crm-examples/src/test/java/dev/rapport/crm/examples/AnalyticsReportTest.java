package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.analytics.Effectiveness;
import dev.rapport.crm.analytics.EffectivenessRow;
import dev.rapport.crm.analytics.Forecast;
import dev.rapport.crm.analytics.Funnel;
import dev.rapport.crm.analytics.ReportFilter;
import dev.rapport.crm.analytics.Segmentation;
import dev.rapport.crm.sales.CustomerRank;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's analytics report: the example tenant has history in every part of the report,
 * gives the same page on every run, and the page {@code main} writes shows its figures. How the
 * page is made (every figure, the escaping, the charts in headless Chromium) is tested in
 * {@code crm-reports}.
 */
class AnalyticsReportTest {
  private static Crm crm;
  private static String html;

  @BeforeAll
  static void renderTheExample() {
    crm = ExampleHistory.build();
    html = AnalyticsReport.html(crm);
  }

  @Test
  void theExampleHasHistoryInEveryPart() {
    Effectiveness effectiveness = crm.analytics().effectiveness(AnalyticsReport.HISTORY, ReportFilter.all());
    Funnel funnel = crm.analytics().funnel(AnalyticsReport.HISTORY, ReportFilter.all());
    Forecast forecast = crm.analytics().forecast(AnalyticsReport.FORECAST, ReportFilter.all());
    Segmentation segmentation = crm.analytics().segmentation(AnalyticsReport.HISTORY);
    List<CustomerRank> customers = crm.sales().bestCustomers(AnalyticsReport.HISTORY.from(),
        AnalyticsReport.HISTORY.to(), CustomerRank.By.REVENUE, 10);
    EffectivenessRow total = effectiveness.total();
    assertThat(effectiveness.bySource()).hasSizeGreaterThanOrEqualTo(6);
    assertThat(effectiveness.byCampaign()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(total.leads()).isGreaterThan(200);
    assertThat(total.converted()).isGreaterThan(30);
    assertThat(total.won()).isGreaterThan(10);
    assertThat(total.lost()).isGreaterThan(10);
    assertThat(funnel.stages()).allSatisfy(s -> assertThat(s.entered()).isPositive());
    assertThat(funnel.stages()).anySatisfy(s -> assertThat(s.movedBack()).isPositive());
    assertThat(forecast.months().stream().filter(m -> m.won() > 0)).hasSizeGreaterThanOrEqualTo(4);
    assertThat(forecast.months().stream().filter(m -> m.open() > 0)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(customers).hasSize(10);
    assertThat(customers).anySatisfy(c -> assertThat(c.purchases()).isGreaterThan(1));
    assertThat(segmentation.segments().values().stream().filter(n -> n > 0)).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void theExampleIsTheSameOnEveryRun() {
    assertThat(AnalyticsReport.html(ExampleHistory.build())).isEqualTo(html);
  }

  @Test
  void mainWritesThePageOfTheExampleWithItsFigures(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("nested/report.html");
    AnalyticsReport.main(new String[] {out.toString()});
    String written = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(written).isEqualTo(html);
    EffectivenessRow total = crm.analytics().effectiveness(AnalyticsReport.HISTORY, ReportFilter.all()).total();
    Matcher all = Pattern.compile("<tr class=\"total\" data-source=\"\"><td>All</td><td class=\"n leads\">(\\d+)</td>")
        .matcher(written);
    assertThat(all.find()).as("the total row of the source table").isTrue();
    assertThat(all.group(1)).isEqualTo(String.valueOf(total.leads()));
    assertThat(written).contains("Leads, visits and closings of 2026-01-01 to 2026-06-30; forecast to 2026-09-30;"
        + " as of " + ExampleHistory.TODAY + ";");
    assertThat(Pattern.compile("<figure class=\"chart\"").matcher(written).results().count()).isEqualTo(8);
  }

  @Test
  void theReadmeHasTheCommandThatWritesTheReport() throws IOException {
    String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
    assertThat(readme).contains("exec:java -Dexec.mainClass=dev.rapport.crm.examples.AnalyticsReport")
        .contains("crm-examples/target/analytics-report.html");
    assertThat(AnalyticsReport.defaultFile().toString().replace(File.separatorChar, '/'))
        .endsWith("target/analytics-report.html");
  }
}
