package dev.rapport.crm.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.analytics.EffectivenessRow;
import dev.rapport.crm.analytics.Segment;
import dev.rapport.crm.analytics.StageFlow;
import dev.rapport.crm.opportunity.ForecastCategory;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The report's charts render in a real browser: headless Chromium, run as a separate process on
 * the page with a small script ({@code chart-probe.js}) that measures each chart and writes what
 * it found into the DOM, and once more for a screenshot. Without a browser these tests are
 * skipped, or fail when {@code CI} is set ({@link Browser}); {@code .ci/run} installs one.
 */
class ChromiumRenderTest {
  private static ReportPage.Figures figures;
  private static String html;

  @BeforeAll
  static void renderTheSmallTenant() {
    figures = ReportPage.figures(SmallTenant.build(), SmallTenant.HISTORY, SmallTenant.FORECAST, SmallTenant.AS_OF);
    html = ReportPage.html(figures);
  }

  @Test
  void chartsRenderInHeadlessChromium(@TempDir Path dir) throws Exception {
    Path browser = Browser.require();
    Path page = dir.resolve("report.html");
    Files.writeString(page, withProbe(html), StandardCharsets.UTF_8);
    String dom = Browser.dumpDom(browser, page, dir);

    assertThat(attribute(dom, "<body[^>]*>", "data-probe")).as("the probe script ran").contains("done");
    Map<String, Map<String, Long>> expected = expectedMarks(figures);
    assertThat(expected.values()).allSatisfy(marks -> assertThat(marks.values()).anySatisfy(n ->
        assertThat(n).isPositive()));
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
    Path browser = Browser.require();
    Path page = dir.resolve("report.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    Path png = dir.resolve("report.png");
    Browser.run(browser, dir, "screenshot", "--window-size=1200,2400", "--hide-scrollbars", "--screenshot=" + png,
        page.toUri().toString());

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("the screenshot " + png).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(2400);
    // The top 2400 pixels hold the funnel, the status pie and the stage flow: the palette's
    // colours cover hundreds of pixels there, and the page is far from one colour.
    Map<Integer, Integer> pixels = new HashMap<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        pixels.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
      }
    }
    int total = image.getWidth() * image.getHeight();
    assertThat(pixels.get(0xffffff)).as("white pixels").isLessThan(total * 95 / 100);
    for (int i = 0; i < 5; i++) {
      int rgb = ReportChart.color(i).getRGB() & 0xffffff;
      assertThat(pixels.getOrDefault(rgb, 0)).as("pixels of %06x", rgb).isGreaterThan(500);
    }
  }

  @Test
  void namesFromTheCrmRunNoScriptInChromium(@TempDir Path dir) throws Exception {
    Path browser = Browser.require();
    Path file = dir.resolve("hostile.html");
    Files.writeString(file, withProbe(AnalyticsReportTest.hostilePage()), StandardCharsets.UTF_8);
    String dom = Browser.dumpDom(browser, file, dir);

    assertThat(attribute(dom, "<body[^>]*>", "data-probe")).contains("done");
    assertThat(attribute(dom, "<html[^>]*>", "data-injected")).as("an injected script ran").isEmpty();
    assertThat(dom).contains("<td>&lt;script&gt;document.documentElement.setAttribute('data-injected','campaign')");
    assertThat(attribute(dom, "<figure[^>]*id=\"chart-customers\"[^>]*>", "data-marks")).contains("Revenue=1");
  }

  /** The service-level table as a browser shows it: a row per tier, its figures, the tier's name as text. */
  @Test
  void theServiceLevelTableRendersInChromium(@TempDir Path dir) throws Exception {
    Path browser = Browser.require();
    Path page = dir.resolve("report.html");
    Files.writeString(page, withProbe(html), StandardCharsets.UTF_8);
    String dom = Browser.dumpDom(browser, page, dir);

    java.util.regex.Matcher table = java.util.regex.Pattern.compile("<table id=\"service-level-table\">(.*?)</table>",
        java.util.regex.Pattern.DOTALL).matcher(dom);
    assertThat(table.find()).as("the service-level table in the DOM").isTrue();
    String rows = table.group(1);
    assertThat(rows.split("<tr data-tier=", -1)).as("a row per tier").hasSize(3);
    assertThat(rows).contains("<td>Gold</td>", "<td class=\"n response-in-target\">1 / 1 (100.0 %)</td>",
        "<td class=\"n median-response\">2 h 00 min</td>");
    assertThat(rows).as("the tier's name is text, not markup").contains("<td>Standard &lt;b&gt;&amp;amp;</td>")
        .doesNotContain("<b>");
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

    assertThat(Browser.findOnPath(Browser.NAMES, path)).contains(browser);
    assertThat(Browser.findOnPath(Browser.NAMES, empty.toString())).isEmpty();
    assertThat(Browser.findOnPath(Browser.NAMES, null)).isEmpty();
    assertThat(Browser.require(path, true)).isEqualTo(browser);
  }

  @Test
  void aMissingBrowserFailsOnCiAndSkipsElsewhere(@TempDir Path dir) {
    assertThatThrownBy(() -> Browser.require(dir.toString(), true)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("No browser to render the analytics report")
        .hasMessageContaining("apt-get install chromium").hasMessageContaining("CI is set");
    assertThatThrownBy(() -> Browser.require(dir.toString(), false)).isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("No browser to render the analytics report");
    assertThat(Browser.isSet("true")).isTrue();
    assertThat(Browser.isSet("1")).isTrue();
    assertThat(Browser.isSet("false")).isFalse();
    assertThat(Browser.isSet("")).isFalse();
    assertThat(Browser.isSet(null)).isFalse();
  }

  // ----------------------------------------------------------------------------------- expected

  /** Per chart, per series: how many marks of non-zero size the records say it has. */
  static Map<String, Map<String, Long>> expectedMarks(ReportPage.Figures r) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    EffectivenessRow t = r.effectiveness().total();
    out.put("chart-funnel", Map.of("Leads", nonZero(List.of(t.leads(), t.contacted(), t.qualified(), t.converted(),
        t.won()), Long::longValue)));
    Map<String, Long> statuses = new LinkedHashMap<>();
    r.funnel().leadsByStatus().forEach((s, n) -> {
      if (n > 0) {
        statuses.put(ReportPage.label(s), 1L);
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
    for (ForecastCategory c : ReportPage.forecastCategories(r)) {
      forecast.put(ReportPage.label(c) + " (weighted)", r.forecast().months().stream()
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
    r.segmentation().segments().forEach((s, n) -> {
      if (n > 0) {
        segments.put(ReportPage.segmentLabel(s), 1L);
      }
    });
    long withRevenue = Arrays.stream(Segment.values()).filter(s -> r.segmentation().segments().get(s) > 0
        && ReportPage.segmentRevenue(r, s).signum() > 0).count();
    out.put("chart-segments", segments);
    out.put("chart-segment-revenue", Map.of("Revenue", withRevenue));
    return out;
  }

  private static <T> long nonZero(List<T> rows, ToLongFunction<T> value) {
    return rows.stream().filter(x -> value.applyAsLong(x) != 0).count();
  }

  // ------------------------------------------------------------------------------------ helpers

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
    try (InputStream in = ChromiumRenderTest.class.getResourceAsStream("chart-probe.js")) {
      probe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(page).contains("</body>");
    return page.replace("</body>", "<script>\n" + probe + "\n</script>\n</body>");
  }
}
