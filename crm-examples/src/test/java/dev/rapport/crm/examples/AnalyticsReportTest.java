package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.rapport.crm.Crm;
import dev.rapport.crm.analytics.EffectivenessRow;
import dev.rapport.crm.analytics.ForecastMonth;
import dev.rapport.crm.analytics.CustomerRfm;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.analytics.Segment;
import dev.rapport.crm.analytics.StageFlow;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.opportunity.ForecastCategory;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.sales.NewSale;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytics report of the example tenant: its tables show what the CRM answered, every name
 * is escaped, and its charts render in a real browser (headless Chromium, run as a separate
 * process on the page with a small script that measures each chart and writes what it found into
 * the DOM). Where no browser is installed the browser tests are skipped; {@code .ci/run}
 * installs one.
 */
class AnalyticsReportTest {
  /** The browsers looked for on the PATH, in this order. */
  static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
  private static final long BROWSER_TIMEOUT_SECONDS = 120;

  private static AnalyticsReport.Report report;
  private static String html;

  @BeforeAll
  static void renderTheExample() {
    report = AnalyticsReport.report(ExampleHistory.build(), AnalyticsReport.HISTORY, AnalyticsReport.FORECAST,
        ExampleHistory.TODAY);
    html = AnalyticsReport.html(report);
  }

  @Test
  void theExampleHasHistoryInEveryPart() {
    EffectivenessRow total = report.effectiveness().total();
    assertThat(report.effectiveness().bySource()).hasSizeGreaterThanOrEqualTo(6);
    assertThat(report.effectiveness().byCampaign()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(total.leads()).isGreaterThan(200);
    assertThat(total.converted()).isGreaterThan(30);
    assertThat(total.won()).isGreaterThan(10);
    assertThat(total.lost()).isGreaterThan(10);
    assertThat(report.funnel().stages()).allSatisfy(s -> assertThat(s.entered()).isPositive());
    assertThat(report.funnel().stages()).anySatisfy(s -> assertThat(s.movedBack()).isPositive());
    assertThat(report.forecast().months().stream().filter(m -> m.won() > 0)).hasSizeGreaterThanOrEqualTo(4);
    assertThat(report.forecast().months().stream().filter(m -> m.open() > 0)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(report.customers()).hasSize(AnalyticsReport.CUSTOMERS);
    assertThat(report.customers()).anySatisfy(c -> assertThat(c.rank().purchases()).isGreaterThan(1));
    assertThat(report.segmentation().segments().values().stream().filter(n -> n > 0)).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void theExampleIsTheSameOnEveryRun() {
    AnalyticsReport.Report again = AnalyticsReport.report(ExampleHistory.build(), AnalyticsReport.HISTORY,
        AnalyticsReport.FORECAST, ExampleHistory.TODAY);
    assertThat(AnalyticsReport.html(again)).isEqualTo(html);
  }

  @Test
  void theTablesShowWhatTheCrmAnswered() {
    for (EffectivenessRow e : report.effectiveness().bySource()) {
      Map<String, String> row = row("source-table", "data-source", e.source().orElseThrow().code());
      assertThat(row).containsEntry("leads", String.valueOf(e.leads()))
          .containsEntry("contacted", String.valueOf(e.contacted()))
          .containsEntry("converted", String.valueOf(e.converted()))
          .containsEntry("won", String.valueOf(e.won()))
          .containsEntry("lost", String.valueOf(e.lost()))
          .containsEntry("won-revenue", AnalyticsReport.money(e.wonRevenue()));
    }
    assertThat(row("source-table", "data-source", "")).containsEntry("leads",
        String.valueOf(report.effectiveness().total().leads()));
    for (EffectivenessRow e : report.effectiveness().byCampaign()) {
      String id = e.campaign().map(Object::toString).orElse("");
      assertThat(cells("campaign-table", "data-campaign", id)).startsWith(
          AnalyticsReport.h(e.campaignName().orElse("(no campaign)")), String.valueOf(e.leads()),
          String.valueOf(e.converted()), String.valueOf(e.won()));
    }
    for (LeadStatus s : LeadStatus.values()) {
      assertThat(cells("lead-status", "data-status", s.name()).get(1))
          .isEqualTo(String.valueOf(report.funnel().leadsByStatus().get(s)));
    }
    for (StageFlow s : report.funnel().stages()) {
      assertThat(cells("stage-flow", "data-stage", s.stage())).startsWith(s.stage(), String.valueOf(s.entered()),
          String.valueOf(s.advanced()), String.valueOf(s.movedBack()), String.valueOf(s.won()),
          String.valueOf(s.lost()), String.valueOf(s.stillIn()));
    }
    for (ForecastMonth m : report.forecast().months()) {
      assertThat(row("forecast-months", "data-month", m.month().toString()))
          .containsEntry("weighted", AnalyticsReport.money(m.weighted()))
          .containsEntry("won-revenue", AnalyticsReport.money(m.wonRevenue()));
    }
    for (Segment s : Segment.values()) {
      assertThat(row("segment-table", "data-segment", s.name())).containsEntry("customers",
          String.valueOf(report.segmentation().segments().get(s)));
    }
    for (CustomerRfm c : report.segmentation().best(AnalyticsReport.CUSTOMERS)) {
      assertThat(cells("rfm-customers", "data-account", c.accountId().toString())).containsSubsequence(
          String.valueOf(c.recencyScore()), String.valueOf(c.frequencyScore()), String.valueOf(c.monetaryScore()),
          c.lastPurchase().toString(), String.valueOf(c.recencyDays()), String.valueOf(c.frequency()),
          AnalyticsReport.money(c.monetary()), AnalyticsReport.h(AnalyticsReport.segmentLabel(c.segment())));
    }
    for (AnalyticsReport.Customer c : report.customers()) {
      assertThat(row("customer-table", "data-account", c.rank().accountId().toString()))
          .containsEntry("revenue", AnalyticsReport.money(c.rank().revenue()));
    }
  }

  @Test
  void everyChartIsInlineSvgDrawnByTheLibrary() {
    Matcher figures = Pattern.compile("<figure class=\"chart\" id=\"([^\"]+)\"[^>]*>\\s*<svg ").matcher(html);
    List<String> ids = new ArrayList<>();
    while (figures.find()) {
      ids.add(figures.group(1));
    }
    assertThat(ids).containsExactlyElementsOf(expectedMarks(report).keySet());
    // Self-contained: nothing is loaded from elsewhere, and the page runs no script of its own.
    assertThat(html).doesNotContain("<img", "<script", "<link", " src=", "href=\"http", "url(http");
    // The definitions of each chart are prefixed with its id, so inlined charts share no id.
    Matcher defs = Pattern.compile(" id='([^']+)'").matcher(html);
    List<String> svgIds = new ArrayList<>();
    while (defs.find()) {
      svgIds.add(defs.group(1));
    }
    assertThat(svgIds).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith("chart-"));
  }

  @Test
  void theReadmeHasTheCommandThatWritesTheReport() throws IOException {
    String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
    assertThat(readme).contains("exec:java -Dexec.mainClass=dev.rapport.crm.examples.AnalyticsReport")
        .contains("crm-examples/target/analytics-report.html");
    assertThat(AnalyticsReport.defaultFile().toString().replace(File.separatorChar, '/'))
        .endsWith("target/analytics-report.html");
  }

  @Test
  void theBrowserIsLookedForOnThePath(@TempDir Path dir) throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path notExecutable = Files.createFile(bin.resolve("chromium"));
    Path browser = Files.createFile(bin.resolve("google-chrome"));
    assertThat(browser.toFile().setExecutable(true)).isTrue();
    assertThat(notExecutable.toFile().setExecutable(false)).isTrue();
    String path = empty + File.pathSeparator + File.pathSeparator + bin;

    assertThat(findOnPath(BROWSERS, path)).contains(browser);
    assertThat(findOnPath(BROWSERS, empty.toString())).isEmpty();
    assertThat(findOnPath(BROWSERS, null)).isEmpty();
  }

  @Test
  void chartsRenderInHeadlessChromium(@TempDir Path dir) throws Exception {
    Path browser = browser();
    Path page = dir.resolve("report.html");
    Files.writeString(page, withProbe(html), StandardCharsets.UTF_8);
    String dom = dumpDom(browser, page, dir);

    assertThat(attribute(dom, "<body[^>]*>", "data-probe")).as("the probe script ran").contains("done");
    Map<String, Map<String, Long>> expected = expectedMarks(report);
    for (Map.Entry<String, Map<String, Long>> chart : expected.entrySet()) {
      String figure = "<figure[^>]*id=\"" + chart.getKey() + "\"[^>]*>";
      String rendered = attribute(dom, figure, "data-rendered").orElseThrow(() ->
          new AssertionError(chart.getKey() + " was not measured"));
      assertThat(rendered).as(chart.getKey() + " size").matches("\\d+x\\d+");
      String[] size = rendered.split("x");
      assertThat(Integer.parseInt(size[0])).as(chart.getKey() + " width").isEqualTo(ReportChart.WIDTH);
      assertThat(Integer.parseInt(size[1])).as(chart.getKey() + " height").isEqualTo(ReportChart.HEIGHT);
      assertThat(Integer.parseInt(attribute(dom, figure, "data-texts").orElseThrow()))
          .as(chart.getKey() + " texts with a size").isGreaterThanOrEqualTo(5);
      Map<String, Long> marks = new LinkedHashMap<>();
      for (String s : unescape(attribute(dom, figure, "data-marks").orElseThrow()).split(";")) {
        int i = s.lastIndexOf('=');
        marks.put(s.substring(0, i), Long.parseLong(s.substring(i + 1)));
      }
      assertThat(marks).as(chart.getKey() + " bars, points or slices per series").isEqualTo(chart.getValue());
    }
  }

  @Test
  void theChartsArePaintedInAScreenshot(@TempDir Path dir) throws Exception {
    Path browser = browser();
    Path page = dir.resolve("report.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    Path png = dir.resolve("report.png");
    run(browser, dir, "screenshot", "--window-size=1200,2400", "--hide-scrollbars", "--screenshot=" + png,
        page.toUri().toString());

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("the screenshot " + png).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(2400);
    // The top 2400 pixels hold the funnel, the status pie and the stage flow: the palette's
    // colours cover thousands of pixels there, and the page is far from one colour.
    Map<Integer, Integer> pixels = new java.util.HashMap<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        pixels.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
      }
    }
    int total = image.getWidth() * image.getHeight();
    assertThat(pixels.get(0xffffff)).as("white pixels").isLessThan(total * 95 / 100);
    for (int i = 0; i < 5; i++) {
      int rgb = ReportChart.color(i).getRGB() & 0xffffff;
      assertThat(pixels.getOrDefault(rgb, 0)).as("pixels of %06x", rgb).isGreaterThan(1000);
    }
  }

  private static final String HOSTILE_CAMPAIGN =
      "<script>document.documentElement.setAttribute('data-injected','campaign')</script>";
  private static final String HOSTILE_COMPANY =
      "</svg><script>document.documentElement.setAttribute('data-injected','account')</script> & Co";

  @Test
  void namesFromTheCrmAreEscaped() {
    String page = hostilePage();
    assertThat(page).doesNotContain("<script", "</svg><script")
        .contains(AnalyticsReport.h(HOSTILE_CAMPAIGN))
        .contains(AnalyticsReport.h(HOSTILE_COMPANY));
    // The account's name is a chart label too: JFreeSVG escapes it in the SVG's text.
    assertThat(page).containsPattern("<text [^>]*>1\\. &lt;/svg&gt;&lt;script&gt;");
  }

  @Test
  void namesFromTheCrmRunNoScriptInChromium(@TempDir Path dir) throws Exception {
    Path browser = browser();
    Path file = dir.resolve("hostile.html");
    Files.writeString(file, withProbe(hostilePage()), StandardCharsets.UTF_8);
    String dom = dumpDom(browser, file, dir);

    assertThat(attribute(dom, "<body[^>]*>", "data-probe")).contains("done");
    assertThat(attribute(dom, "<html[^>]*>", "data-injected")).as("an injected script ran").isEmpty();
    assertThat(dom).contains("<td>&lt;script&gt;document.documentElement.setAttribute('data-injected','campaign')");
    assertThat(attribute(dom, "<figure[^>]*id=\"chart-customers\"[^>]*>", "data-marks")).contains("Revenue=1");
  }

  /** The report of a tenant whose campaign and company names are markup. */
  private static String hostilePage() {
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
    return AnalyticsReport.html(AnalyticsReport.report(crm, march, march, LocalDate.of(2026, 3, 10)));
  }

  // ----------------------------------------------------------------------------------- expected

  /** Per chart, per series: how many marks of non-zero size the records say it has. */
  static Map<String, Map<String, Long>> expectedMarks(AnalyticsReport.Report r) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    EffectivenessRow t = r.effectiveness().total();
    out.put("chart-funnel", Map.of("Leads", nonZero(List.of(t.leads(), t.contacted(), t.qualified(), t.converted(),
        t.won()), Long::longValue)));
    Map<String, Long> statuses = new LinkedHashMap<>();
    r.funnel().leadsByStatus().forEach((s, n) -> {
      if (n > 0) {
        statuses.put(AnalyticsReport.label(s), 1L);
      }
    });
    out.put("chart-lead-status", statuses);
    List<StageFlow> stages = r.funnel().stages();
    Map<String, Long> flow = new LinkedHashMap<>();
    flow.put("Advanced", nonZero(stages, StageFlow::advanced));
    flow.put("Moved back", nonZero(stages, StageFlow::movedBack));
    flow.put("Won", nonZero(stages, StageFlow::won));
    flow.put("Lost", nonZero(stages, StageFlow::lost));
    flow.put("Still in", nonZero(stages, StageFlow::stillIn));
    out.put("chart-stages", flow);
    Map<String, Long> forecast = new LinkedHashMap<>();
    for (ForecastCategory c : AnalyticsReport.forecastCategories(r)) {
      forecast.put(AnalyticsReport.label(c) + " (weighted)", r.forecast().months().stream()
          .filter(m -> m.categories().stream().anyMatch(x -> x.category() == c && x.weighted().amount().signum() > 0))
          .count());
    }
    forecast.put("Won revenue", (long) r.forecast().months().size());
    out.put("chart-forecast", forecast);
    List<EffectivenessRow> sources = r.effectiveness().bySource();
    Map<String, Long> bySource = new LinkedHashMap<>();
    bySource.put("Leads", nonZero(sources, EffectivenessRow::leads));
    bySource.put("Converted", nonZero(sources, EffectivenessRow::converted));
    bySource.put("Won", nonZero(sources, EffectivenessRow::won));
    out.put("chart-sources", bySource);
    out.put("chart-customers", Map.of("Revenue", r.customers().stream()
        .filter(c -> c.rank().revenue().amount().compareTo(BigDecimal.ZERO) > 0).count()));
    Map<String, Long> segments = new LinkedHashMap<>();
    Map<String, Long> segmentRevenue = new LinkedHashMap<>();
    r.segmentation().segments().forEach((s, n) -> {
      if (n > 0) {
        segments.put(AnalyticsReport.segmentLabel(s), 1L);
      }
    });
    long withRevenue = Arrays.stream(Segment.values()).filter(s -> r.segmentation().segments().get(s) > 0
        && AnalyticsReport.segmentRevenue(r, s).signum() > 0).count();
    out.put("chart-segments", segments);
    out.put("chart-segment-revenue", Map.of("Revenue", withRevenue));
    return out;
  }

  private static <T> long nonZero(List<T> rows, ToLongFunction<T> value) {
    return rows.stream().filter(x -> value.applyAsLong(x) != 0).count();
  }

  // ------------------------------------------------------------------------------------ helpers

  /** The cells of the row of {@code table} whose {@code attribute} is {@code value}, by class. */
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
    Matcher r = Pattern.compile("<tr[^>]* " + attribute + "=\"" + Pattern.quote(AnalyticsReport.h(value))
        + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(t.group(1));
    assertThat(r.find()).as("row " + attribute + "=" + value + " of " + table).isTrue();
    return r.group(1);
  }

  /** The value of {@code name} in the first tag matching {@code tag}. */
  private static Optional<String> attribute(String dom, String tag, String name) {
    Matcher m = Pattern.compile(tag).matcher(dom);
    if (!m.find()) {
      return Optional.empty();
    }
    Matcher a = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(m.group());
    return a.find() ? Optional.of(a.group(1)) : Optional.empty();
  }

  /** An attribute's text as the browser serialized it, entities decoded. */
  private static String unescape(String s) {
    return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static String withProbe(String page) throws IOException {
    String probe;
    try (InputStream in = AnalyticsReportTest.class.getResourceAsStream("chart-probe.js")) {
      probe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(page).contains("</body>");
    return page.replace("</body>", "<script>\n" + probe + "\n</script>\n</body>");
  }

  /**
   * The first of {@link #BROWSERS} on the PATH; skips the test when there is none.
   */
  static Path browser() {
    Optional<Path> found = findOnPath(BROWSERS, System.getenv("PATH"));
    Assumptions.assumeTrue(found.isPresent(), () -> "No browser to render the analytics report: looked for "
        + String.join(", ", BROWSERS) + " on the PATH. Install one (e.g. `apt-get install chromium` on Debian;"
        + " .ci/run does) to run this test.");
    return found.get();
  }

  static Optional<Path> findOnPath(List<String> names, String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String name : names) {
      for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Opens the page in headless Chromium and returns the DOM after the page's scripts ran. */
  private static String dumpDom(Path browser, Path page, Path dir) throws IOException, InterruptedException {
    Path out = run(browser, dir, page.getFileName().toString(), "--dump-dom", page.toUri().toString());
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(dom).as("the DOM " + browser + " dumped").contains("<figure");
    return dom;
  }

  /**
   * Runs headless Chromium with {@code args} in a process of its own, with a new profile in
   * {@code dir}; returns the file its standard output went to. The browser and all its children
   * are killed if it has not finished in {@value #BROWSER_TIMEOUT_SECONDS} s.
   */
  private static Path run(Path browser, Path dir, String name, String... args)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "profile");
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
        "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    try {
      if (!p.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        fail(browser + " did not finish within " + BROWSER_TIMEOUT_SECONDS + " s; stderr:\n" + tail(err));
      }
      assertThat(p.exitValue()).as(browser + " exit code; stderr:\n" + tail(err)).isZero();
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    return out;
  }

  private static String tail(Path file) throws IOException {
    if (!Files.exists(file)) {
      return "";
    }
    String s = Files.readString(file, StandardCharsets.UTF_8);
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }
}
