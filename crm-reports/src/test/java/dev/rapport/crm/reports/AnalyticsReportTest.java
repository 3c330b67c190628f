package dev.rapport.crm.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.analytics.CustomerRfm;
import dev.rapport.crm.analytics.EffectivenessRow;
import dev.rapport.crm.analytics.ForecastMonth;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.analytics.Segment;
import dev.rapport.crm.analytics.StageFlow;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.sales.NewSale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report's API and its page: what is refused, the defaults, that the tables show what the CRM
 * answered for {@link SmallTenant}, that the page is self-contained and the same on every run, and
 * that every name from the CRM is escaped. {@link ChromiumRenderTest} renders the page.
 */
class AnalyticsReportTest {
  private static Crm crm;
  private static ReportPage.Figures figures;
  private static String html;

  @BeforeAll
  static void renderTheSmallTenant() {
    crm = SmallTenant.build();
    figures = ReportPage.figures(crm, SmallTenant.HISTORY, SmallTenant.FORECAST, SmallTenant.AS_OF);
    html = AnalyticsReport.of(crm, SmallTenant.HISTORY).forecast(SmallTenant.FORECAST).asOf(SmallTenant.AS_OF)
        .render();
  }

  // ------------------------------------------------------------------------------------ the API

  static Stream<Arguments> rejected() {
    Crm any = MemoryPersistence.crm(TestClock.at(Instant.parse("2026-01-05T09:00:00Z")));
    Period q1 = Period.months(YearMonth.of(2026, 1), YearMonth.of(2026, 3));
    Period tenYearsAndAMonth = Period.months(YearMonth.of(2020, 1), YearMonth.of(2030, 1));
    return Stream.of(
        Arguments.of("a null crm", "crm", (Function<Crm, AnalyticsReport>) c -> AnalyticsReport.of(null, q1)),
        Arguments.of("a null history", "history", (Function<Crm, AnalyticsReport>) c -> AnalyticsReport.of(c, null)),
        Arguments.of("a null forecast", "forecast",
            (Function<Crm, AnalyticsReport>) c -> AnalyticsReport.of(c, q1).forecast(null)),
        Arguments.of("a forecast of 121 months", "forecast",
            (Function<Crm, AnalyticsReport>) c -> AnalyticsReport.of(c, q1).forecast(tenYearsAndAMonth)),
        Arguments.of("a null as-of day", "asOf",
            (Function<Crm, AnalyticsReport>) c -> AnalyticsReport.of(c, q1).asOf(null)),
        Arguments.of("an as-of day before the history", "asOf",
            (Function<Crm, AnalyticsReport>) c -> AnalyticsReport.of(c, q1).asOf(LocalDate.of(2025, 12, 31))),
        Arguments.of("a reversed history", "period.to", (Function<Crm, AnalyticsReport>) c -> AnalyticsReport.of(c,
            Period.of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 1, 1)))),
        Arguments.of("a reversed forecast", "period.to", (Function<Crm, AnalyticsReport>) c -> AnalyticsReport.of(c, q1)
            .forecast(Period.of(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 1, 1)))))
        .map(a -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], any));
  }

  @ParameterizedTest(name = "{0} is refused (field {1})")
  @MethodSource("rejected")
  void badArgumentsAreRefusedNamingTheField(String what, String field, Function<Crm, AnalyticsReport> call, Crm c) {
    assertThatThrownBy(() -> call.apply(c)).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
  }

  @Test
  void theForecastDefaultsToTheHistoryAndTheQuarterAfterItAndTheDayToTheHistorysLast() {
    AnalyticsReport r = AnalyticsReport.of(crm, SmallTenant.HISTORY);
    assertThat(r.history()).isEqualTo(SmallTenant.HISTORY);
    assertThat(r.forecast()).isEqualTo(SmallTenant.FORECAST);
    assertThat(r.asOf()).isEqualTo(SmallTenant.AS_OF);
    assertThat(r.render()).isEqualTo(html);
  }

  @Test
  void aDefaultForecastIsShortenedToWhatTheAnalyticsAccept() {
    Period tenYears = Period.months(YearMonth.of(2016, 1), YearMonth.of(2025, 12));
    assertThat(AnalyticsReport.defaultForecast(tenYears))
        .isEqualTo(Period.of(LocalDate.of(2016, 4, 1), LocalDate.of(2026, 3, 31)));
    Period last = Period.of(Limits.LATEST_DATE.minusDays(40), Limits.LATEST_DATE.minusDays(1));
    assertThat(AnalyticsReport.defaultForecast(last)).isEqualTo(last);
    assertThat(AnalyticsReport.of(crm, tenYears).forecast().months()).isEqualTo(AnalyticsReport.MAX_FORECAST_MONTHS);
  }

  @Test
  void aReportIsAnImmutableValue() {
    AnalyticsReport base = AnalyticsReport.of(crm, SmallTenant.HISTORY);
    AnalyticsReport later = base.asOf(LocalDate.of(2026, 4, 2));
    AnalyticsReport longer = base.forecast(Period.year(2026));
    assertThat(base.asOf()).isEqualTo(SmallTenant.AS_OF);
    assertThat(base.forecast()).isEqualTo(SmallTenant.FORECAST);
    assertThat(later.asOf()).isEqualTo(LocalDate.of(2026, 4, 2));
    assertThat(longer.forecast()).isEqualTo(Period.year(2026));
    assertThat(base).isEqualTo(AnalyticsReport.of(crm, SmallTenant.HISTORY)).isNotEqualTo(later)
        .hasSameHashCodeAs(AnalyticsReport.of(crm, SmallTenant.HISTORY));
    assertThat(base.toString()).contains("test", "2026-01-01", "2026-03-31");
    assertThat(later.render()).contains("as of 2026-04-02").isNotEqualTo(html);
  }

  // --------------------------------------------------------------------------------- the page

  @Test
  void theSmallTenantHasFiguresInEveryPart() {
    EffectivenessRow total = figures.effectiveness().total();
    assertThat(figures.effectiveness().bySource()).hasSize(4);
    assertThat(figures.effectiveness().byCampaign()).hasSize(3);
    assertThat(total.leads()).isEqualTo(11);
    assertThat(total.converted()).isEqualTo(5);
    assertThat(total.won()).isEqualTo(2);
    assertThat(total.lost()).isEqualTo(1);
    assertThat(figures.funnel().leadsByStatus().values().stream().filter(n -> n > 0)).hasSize(6);
    assertThat(figures.funnel().stages()).anySatisfy(s -> assertThat(s.movedBack()).isPositive());
    assertThat(figures.forecast().months().stream().filter(m -> m.open() > 0)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(figures.customers()).hasSize(3);
    assertThat(figures.customers().get(0).rank().purchases()).isEqualTo(3);
  }

  @Test
  void thePageSaysWhoseAndWhichDaysItIs() {
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
        .contains("<title>Analytics report: test</title>")
        .contains("Leads, visits and closings of 2026-01-01 to 2026-03-31; forecast to 2026-06-30; as of 2026-03-31;"
            + " amounts in EUR.")
        .endsWith("</body>\n</html>\n");
  }

  @Test
  void theTablesShowWhatTheCrmAnswered() {
    for (EffectivenessRow e : figures.effectiveness().bySource()) {
      Map<String, String> row = row("source-table", "data-source", e.source().orElseThrow().code());
      assertThat(row).containsEntry("leads", String.valueOf(e.leads()))
          .containsEntry("contacted", String.valueOf(e.contacted()))
          .containsEntry("converted", String.valueOf(e.converted()))
          .containsEntry("won", String.valueOf(e.won()))
          .containsEntry("lost", String.valueOf(e.lost()))
          .containsEntry("won-revenue", ReportPage.money(e.wonRevenue()));
    }
    assertThat(row("source-table", "data-source", "")).containsEntry("leads", "11");
    for (EffectivenessRow e : figures.effectiveness().byCampaign()) {
      String id = e.campaign().map(Object::toString).orElse("");
      assertThat(cells("campaign-table", "data-campaign", id)).startsWith(
          ReportPage.h(e.campaignName().orElse("(no campaign)")), String.valueOf(e.leads()),
          String.valueOf(e.converted()), String.valueOf(e.won()));
    }
    assertThat(figures.effectiveness().byIndustry()).extracting(e -> e.industry().map(i -> i.code()).orElse(""))
        .containsExactly("technology", "consulting", "media", "");
    for (EffectivenessRow e : figures.effectiveness().byIndustry()) {
      String code = e.industry().map(i -> i.code()).orElse("");
      assertThat(cells("industry-table", "data-industry", code)).startsWith(
          code.isEmpty() ? "(not known)" : code, String.valueOf(e.leads()), String.valueOf(e.converted()),
          String.valueOf(e.won()), ReportPage.money(e.wonRevenue()));
    }
    for (LeadStatus s : LeadStatus.values()) {
      assertThat(cells("lead-status", "data-status", s.name()).get(1))
          .isEqualTo(String.valueOf(figures.funnel().leadsByStatus().get(s)));
    }
    for (StageFlow s : figures.funnel().stages()) {
      assertThat(cells("stage-flow", "data-stage", s.stage())).startsWith(s.stage(), String.valueOf(s.entered()),
          String.valueOf(s.advanced()), String.valueOf(s.movedBack()), String.valueOf(s.won()),
          String.valueOf(s.lost()), String.valueOf(s.stillIn()));
    }
    for (ForecastMonth m : figures.forecast().months()) {
      assertThat(row("forecast-months", "data-month", m.month().toString()))
          .containsEntry("weighted", ReportPage.money(m.weighted()))
          .containsEntry("won-revenue", ReportPage.money(m.wonRevenue()));
    }
    for (Segment s : Segment.values()) {
      assertThat(row("segment-table", "data-segment", s.name())).containsEntry("customers",
          String.valueOf(figures.segmentation().segments().get(s)));
    }
    for (CustomerRfm c : figures.segmentation().best(ReportPage.CUSTOMERS)) {
      assertThat(cells("rfm-customers", "data-account", c.accountId().toString())).containsSubsequence(
          String.valueOf(c.recencyScore()), String.valueOf(c.frequencyScore()), String.valueOf(c.monetaryScore()),
          c.lastPurchase().toString(), String.valueOf(c.recencyDays()), String.valueOf(c.frequency()),
          ReportPage.money(c.monetary()), ReportPage.h(ReportPage.segmentLabel(c.segment())));
    }
    for (ReportPage.Customer c : figures.customers()) {
      assertThat(row("customer-table", "data-account", c.rank().accountId().toString()))
          .containsEntry("revenue", ReportPage.money(c.rank().revenue()));
    }
  }

  @Test
  void theFiguresAreThoseOfTheSmallTenant() {
    // what the test knows of the small tenant itself, as the page shows it
    assertThat(row("source-table", "data-source", "referral")).containsEntry("leads", "3")
        .containsEntry("converted", "2").containsEntry("won", "1").containsEntry("won-revenue", "12,500.00 EUR");
    List<String> first = cells("customer-table", "data-account", figures.customers().get(0).rank().accountId().toString());
    List<String> second = cells("customer-table", "data-account", figures.customers().get(1).rank().accountId().toString());
    assertThat(first).containsExactly("1", "Analytical Engines Ltd", "19,440.00 EUR", "3");
    assertThat(second).containsExactly("2", "Substitution Inc", "12,500.00 EUR", "1");
    assertThat(cells("lead-status", "data-status", "CONVERTED")).containsExactly("Converted", "5", "45.5 %");
  }

  @Test
  void everyChartIsInlineSvgAndThePageIsSelfContained() {
    Matcher charts = Pattern.compile("<figure class=\"chart\" id=\"([^\"]+)\"[^>]*>\\s*<svg ").matcher(html);
    List<String> ids = new ArrayList<>();
    while (charts.find()) {
      ids.add(charts.group(1));
    }
    assertThat(ids).containsExactly("chart-funnel", "chart-lead-status", "chart-stages", "chart-forecast",
        "chart-sources", "chart-customers", "chart-segments", "chart-segment-revenue");
    assertThat(html).doesNotContain("<img", "<script", "<link", " src=", "href=\"http", "url(http", "<iframe")
        .contains("<style>");
    Matcher defs = Pattern.compile(" id='([^']+)'").matcher(html);
    List<String> svgIds = new ArrayList<>();
    while (defs.find()) {
      svgIds.add(defs.group(1));
    }
    assertThat(svgIds).isNotEmpty().doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith("chart-"));
  }

  @Test
  void theSameRecordsGiveTheSamePage() {
    assertThat(AnalyticsReport.of(SmallTenant.build(), SmallTenant.HISTORY).forecast(SmallTenant.FORECAST)
        .asOf(SmallTenant.AS_OF).render()).isEqualTo(html);
  }

  static final String HOSTILE_CAMPAIGN =
      "<script>document.documentElement.setAttribute('data-injected','campaign')</script>";
  static final String HOSTILE_COMPANY =
      "</svg><script>document.documentElement.setAttribute('data-injected','account')</script> & Co";

  @Test
  void namesFromTheCrmAreEscaped() {
    String page = hostilePage();
    assertThat(page).doesNotContain("<script", "</svg><script")
        .contains(ReportPage.h(HOSTILE_CAMPAIGN))
        .contains(ReportPage.h(HOSTILE_COMPANY))
        .contains("<title>Analytics report: hostile</title>");
    // The account's name is a chart label too: JFreeSVG escapes it in the SVG's text.
    assertThat(page).containsPattern("<text [^>]*>1\\. &lt;/svg&gt;&lt;script&gt;");
  }

  /** The report of a tenant whose campaign and company names are markup. */
  static String hostilePage() {
    TestClock clock = TestClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("hostile").clock(clock).build();
    Campaign c = crm.campaigns().plan(NewCampaign.builder(HOSTILE_CAMPAIGN, Channel.WEBINAR,
        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Money.of("100.00", "EUR")).build());
    crm.campaigns().recordActualCost(c.id(), Money.of("80.00", "EUR"));
    Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Eve", "Mallory"), LeadSource.WEBINAR)
        .email("eve@mallory.example").company(HOSTILE_COMPANY).campaign(c.id()).build());
    clock.set(Instant.parse("2026-03-03T09:00:00Z"));
    crm.leads().changeStatus(lead.id(), LeadStatus.QUALIFIED);
    ConversionResult r = crm.leads().convert(lead.id(), Conversion.standard().withOpportunity(
        NewOpportunity.builder("Deal", Money.of("1000", "EUR")).build()));
    clock.set(Instant.parse("2026-03-10T09:00:00Z"));
    crm.opportunities().win(r.opportunity().orElseThrow().id());
    crm.sales().record(NewSale.invoice("INV-1", r.account().id(), LocalDate.of(2026, 3, 10), "EUR")
        .line("X", "1", "1000.00").build());
    Period march = Period.month(YearMonth.of(2026, 3));
    return AnalyticsReport.of(crm, march).render();
  }

  // ------------------------------------------------------------------------------------ helpers

  /** The cells of the row of {@code table} whose {@code attribute} is {@code value}, by class. */
  /**
   * Ada's account, the best customer, is Gold (4 h, 24 h): answered after 2 h, resolved after 6 h,
   * both in target. Alan's is Standard (24 h, 72 h), answered after 36 h: late.
   */
  @Test
  void theServiceLevelTableShowsEachTierAsTheCrmCountedIt() {
    assertThat(row("service-level-table", "data-tier", "Gold")).containsEntry("opened", "1")
        .containsEntry("response-in-target", "1 / 1 (100.0 %)").containsEntry("resolution-in-target", "1 / 1 (100.0 %)")
        .containsEntry("breaches", "0").containsEntry("median-response", "2 h 00 min")
        .containsEntry("median-resolution", "6 h 00 min");
    assertThat(row("service-level-table", "data-tier", SmallTenant.STANDARD)).containsEntry("opened", "1")
        .containsEntry("response-in-target", "0 / 1 (0.0 %)").containsEntry("breaches", "1")
        .containsEntry("median-response", "36 h 00 min").containsEntry("resolution-in-target", "0 / 0");
    assertThat(html).contains("Standard &lt;b&gt;&amp;amp;").doesNotContain("Standard <b>");
  }

  private static Map<String, String> row(String table, String attribute, String value) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher cell = Pattern.compile("<td class=\"n ([a-z-]+)\">([^<]*)</td>").matcher(rowHtml(table, attribute, value));
    while (cell.find()) {
      out.put(cell.group(1), cell.group(2));
    }
    return out;
  }

  /** The text of every cell of that row, in order. */
  private static List<String> cells(String table, String attribute, String value) {
    List<String> out = new ArrayList<>();
    Matcher cell = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(rowHtml(table, attribute, value));
    while (cell.find()) {
      out.add(cell.group(1));
    }
    return out;
  }

  private static String rowHtml(String table, String attribute, String value) {
    Matcher t = Pattern.compile("<table id=\"" + table + "\">(.*?)</table>", Pattern.DOTALL).matcher(html);
    assertThat(t.find()).as("table " + table).isTrue();
    Matcher r = Pattern.compile("<tr[^>]* " + attribute + "=\"" + Pattern.quote(ReportPage.h(value))
        + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(t.group(1));
    assertThat(r.find()).as("row " + attribute + "=" + value + " of " + table).isTrue();
    return r.group(1);
  }
}
