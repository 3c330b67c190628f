package dev.rapport.crm.reports;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import dev.rapport.crm.Crm;
import dev.rapport.crm.analytics.CategoryTotal;
import dev.rapport.crm.analytics.CustomerRfm;
import dev.rapport.crm.analytics.Effectiveness;
import dev.rapport.crm.analytics.EffectivenessRow;
import dev.rapport.crm.analytics.Forecast;
import dev.rapport.crm.analytics.ForecastMonth;
import dev.rapport.crm.analytics.Funnel;
import dev.rapport.crm.analytics.Performance;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.analytics.ReportFilter;
import dev.rapport.crm.analytics.Segment;
import dev.rapport.crm.analytics.Segmentation;
import dev.rapport.crm.analytics.StageFlow;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.opportunity.ForecastCategory;
import dev.rapport.crm.sales.CustomerRank;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The page of an {@link AnalyticsReport}: asks {@code crm.analytics()} for effectiveness, funnel,
 * forecast and segmentation and {@code crm.sales()} for the best customers ({@link #figures}),
 * and writes them as one self-contained HTML page ({@link #html}) with the charts inlined as SVG
 * (drawn by JFreeChart, written by JFreeSVG) beside the tables they come from. Every value from
 * the CRM is HTML-escaped, in the tables and in the charts.
 */
final class ReportPage {
  /** How many of the best customers the report lists. */
  static final int CUSTOMERS = 10;

  private static final Escaper HTML = HtmlEscapers.htmlEscaper();

  private ReportPage() {}

  /** A best customer, with the account's name. */
  record Customer(String name, CustomerRank rank) {}

  /**
   * The figures of one report, as the CRM answered; {@code accountNames} holds the names of the
   * accounts of the RFM table, by account id.
   */
  record Figures(String tenant, LocalDate today, Period history, Effectiveness effectiveness, Funnel funnel,
      Forecast forecast, List<Customer> customers, Segmentation segmentation, Map<String, String> accountNames,
      java.util.Optional<dev.rapport.crm.servicelevel.ServiceLevelReport> serviceLevels) {}

  /** Asks the CRM for the figures of the report; {@code today} is the date the page says it is of. */
  static Figures figures(Crm crm, Period history, Period forecast, LocalDate today) {
    ReportFilter all = ReportFilter.all();
    List<Customer> customers = new ArrayList<>();
    for (CustomerRank r : crm.sales().bestCustomers(history.from(), history.to(), CustomerRank.By.REVENUE, CUSTOMERS)) {
      customers.add(new Customer(crm.accounts().get(r.accountId()).name(), r));
    }
    Segmentation segmentation = crm.analytics().segmentation(history);
    Map<String, String> names = new LinkedHashMap<>();
    for (CustomerRfm c : segmentation.best(CUSTOMERS)) {
      names.put(c.accountId().toString(), crm.accounts().get(c.accountId()).name());
    }
    return new Figures(crm.tenant().toString(), today, history,
        crm.analytics().effectiveness(history, all), crm.analytics().funnel(history, all),
        crm.analytics().forecast(forecast, all), customers, segmentation, names,
        crm.serviceLevels().policy().map(p -> crm.serviceLevels().report(history)));
  }

  // ------------------------------------------------------------------------------------ charts

  /** The lead funnel: leads captured, and how many got at least that far. */
  static ReportChart funnelChart(Figures r) {
    EffectivenessRow t = r.effectiveness().total();
    Map<String, Number> steps = new LinkedHashMap<>();
    steps.put("Captured", t.leads());
    steps.put("Contacted", t.contacted());
    steps.put("Qualified", t.qualified());
    steps.put("Converted", t.converted());
    steps.put("Won", t.won());
    return ReportChart.bars("chart-funnel", "Lead funnel", "leads", Map.of("Leads", steps), true, false);
  }

  /** The leads of the period by their status now: a slice a status with leads. */
  static ReportChart leadStatusChart(Figures r) {
    Map<String, Number> slices = new LinkedHashMap<>();
    r.funnel().leadsByStatus().forEach((status, n) -> {
      if (n > 0) {
        slices.put(label(status), n);
      }
    });
    return ReportChart.pie("chart-lead-status", "Leads captured in the period, by status now", slices);
  }

  /** How the visits to each stage ended. */
  static ReportChart stageChart(Figures r) {
    Map<String, Map<String, Number>> rows = new LinkedHashMap<>();
    List<StageFlow> stages = r.funnel().stages();
    rows.put("Advanced", column(stages, StageFlow::stage, StageFlow::advanced));
    rows.put("Moved back", column(stages, StageFlow::stage, StageFlow::movedBack));
    rows.put("Won", column(stages, StageFlow::stage, StageFlow::won));
    rows.put("Lost", column(stages, StageFlow::stage, StageFlow::lost));
    rows.put("Still in", column(stages, StageFlow::stage, StageFlow::stillIn));
    return ReportChart.bars("chart-stages", "Stage flow: how the visits to each stage ended", "visits", rows,
        true, true);
  }

  /** The forecast categories of the open pipeline the report charts, in enum order. */
  static List<ForecastCategory> forecastCategories(Figures r) {
    Set<ForecastCategory> seen = EnumSet.noneOf(ForecastCategory.class);
    r.forecast().months().forEach(m -> m.categories().forEach(c -> seen.add(c.category())));
    return List.copyOf(seen);
  }

  /** Weighted open pipeline by month and forecast category, and the revenue won each month. */
  static ReportChart forecastChart(Figures r) {
    Map<String, Map<String, Number>> stacks = new LinkedHashMap<>();
    for (ForecastCategory c : forecastCategories(r)) {
      Map<String, Number> values = new LinkedHashMap<>();
      for (ForecastMonth m : r.forecast().months()) {
        values.put(m.month().toString(), m.categories().stream().filter(t -> t.category() == c)
            .map(t -> t.weighted().amount()).findFirst().orElse(BigDecimal.ZERO));
      }
      stacks.put(label(c) + " (weighted)", values);
    }
    Map<String, Number> won = new LinkedHashMap<>();
    r.forecast().months().forEach(m -> won.put(m.month().toString(), m.wonRevenue().amount()));
    return ReportChart.barsAndLine("chart-forecast", "Weighted pipeline by expected close month, and revenue won",
        r.forecast().currency().getCurrencyCode(), stacks, "Won revenue", won);
  }

  /** Leads, conversions and wins of each source. */
  static ReportChart sourceChart(Figures r) {
    List<EffectivenessRow> rows = r.effectiveness().bySource();
    Function<EffectivenessRow, String> name = e -> e.source().orElseThrow().code();
    Map<String, Map<String, Number>> series = new LinkedHashMap<>();
    series.put("Leads", column(rows, name, EffectivenessRow::leads));
    series.put("Converted", column(rows, name, EffectivenessRow::converted));
    series.put("Won", column(rows, name, EffectivenessRow::won));
    return ReportChart.bars("chart-sources", "Source effectiveness", "leads", series, false, false);
  }

  /** The best customers by revenue. */
  static ReportChart customerChart(Figures r) {
    Map<String, Number> revenue = new LinkedHashMap<>();
    for (int i = 0; i < r.customers().size(); i++) {
      Customer c = r.customers().get(i);
      revenue.put((i + 1) + ". " + c.name(), c.rank().revenue().amount());
    }
    return ReportChart.bars("chart-customers", "Best customers by revenue",
        r.effectiveness().currency().getCurrencyCode(), Map.of("Revenue", revenue), true, false);
  }

  /** The customers of the period by RFM segment: a slice a segment with customers. */
  static ReportChart segmentChart(Figures r) {
    Map<String, Number> slices = new LinkedHashMap<>();
    r.segmentation().segments().forEach((segment, n) -> {
      if (n > 0) {
        slices.put(segmentLabel(segment), n);
      }
    });
    return ReportChart.pie("chart-segments", "Customers by RFM segment", slices);
  }

  /** The revenue of the period (invoices less credit notes) of each segment with customers. */
  static ReportChart segmentRevenueChart(Figures r) {
    Map<String, Number> revenue = new LinkedHashMap<>();
    for (Segment s : Segment.values()) {
      if (r.segmentation().segments().get(s) > 0) {
        revenue.put(segmentLabel(s), segmentRevenue(r, s));
      }
    }
    return ReportChart.bars("chart-segment-revenue", "Revenue by RFM segment",
        r.segmentation().currency().getCurrencyCode(), Map.of("Revenue", revenue), true, false);
  }

  /** The sum of the monetary values of the segment's customers. */
  static BigDecimal segmentRevenue(Figures r, Segment s) {
    return r.segmentation().of(s).stream().map(c -> c.monetary().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** A segment's name as the page shows it: "Can't lose" for CANT_LOSE, "Potential loyalists"... */
  static String segmentLabel(Segment s) {
    return s == Segment.CANT_LOSE ? "Can't lose" : label(s);
  }

  private static <T> Map<String, Number> column(List<T> rows, Function<T, String> key, Function<T, Number> value) {
    Map<String, Number> out = new LinkedHashMap<>();
    rows.forEach(row -> out.put(key.apply(row), value.apply(row)));
    return out;
  }

  // -------------------------------------------------------------------------------------- page

  /** The report as one HTML page. */
  static String html(Figures r) {
    StringBuilder b = new StringBuilder(256 * 1024);
    Period p = r.history();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Analytics report: ")
        .append(h(r.tenant())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    b.append("<h1>Analytics report: ").append(h(r.tenant())).append("</h1>\n<p class=\"meta\">Leads, visits and closings of ")
        .append(h(p.from())).append(" to ").append(h(p.to())).append("; forecast to ").append(h(r.forecast().period().to()))
        .append("; as of ").append(h(r.today())).append("; amounts in ").append(h(r.effectiveness().currency().getCurrencyCode()))
        .append(".</p>\n");

    // Lead funnel
    EffectivenessRow t = r.effectiveness().total();
    b.append("<section id=\"funnel\">\n<h2>Lead funnel</h2>\n");
    figure(b, funnelChart(r), "Of the leads captured in the period, how many got at least that far "
        + "(won: converted leads whose opportunity was won).");
    figure(b, leadStatusChart(r), "Where the leads of the period stand now.");
    b.append("<table id=\"lead-status\">\n<caption>Leads captured in the period, by status now</caption>\n")
        .append("<tr><th>Status</th><th>Leads</th><th>Share</th></tr>\n");
    for (LeadStatus s : LeadStatus.values()) {
      long n = r.funnel().leadsByStatus().get(s);
      b.append("<tr data-status=\"").append(h(s)).append("\"><td>").append(h(label(s))).append("</td><td class=\"n\">")
          .append(n).append("</td><td class=\"n\">").append(percent(r.funnel().leads() == 0 ? 0 : (double) n / r.funnel().leads()))
          .append("</td></tr>\n");
    }
    b.append("<tr class=\"total\"><td>All</td><td class=\"n\">").append(r.funnel().leads())
        .append("</td><td class=\"n\"></td></tr>\n</table>\n</section>\n");

    // Stage flow
    b.append("<section id=\"stages\">\n<h2>Stage flow</h2>\n");
    figure(b, stageChart(r), "Visits to each open stage that began in the period, by how they ended.");
    b.append("<table id=\"stage-flow\">\n<tr><th>Stage</th><th>Entered</th><th>Advanced</th><th>Moved back</th>")
        .append("<th>Won</th><th>Lost</th><th>Still in</th><th>Moved on</th><th>Median days</th><th>90th pct. days</th></tr>\n");
    for (StageFlow s : r.funnel().stages()) {
      b.append("<tr data-stage=\"").append(h(s.stage())).append("\"><td>").append(h(s.stage())).append("</td>");
      cells(b, s.entered(), s.advanced(), s.movedBack(), s.won(), s.lost(), s.stillIn());
      b.append("<td class=\"n\">").append(percent(s.movedOnShare())).append("</td><td class=\"n\">")
          .append(days(s.medianDays())).append("</td><td class=\"n\">").append(days(s.p90Days())).append("</td></tr>\n");
    }
    b.append("</table>\n<p>Opportunities created in the period: <b>").append(r.funnel().opportunitiesCreated())
        .append("</b>; sales velocity: <b>").append(h(r.funnel().velocityPerDay().map(ReportPage::money).orElse("-")))
        .append("</b> a day.</p>\n</section>\n");

    // Pipeline and forecast
    b.append("<section id=\"forecast\">\n<h2>Pipeline and forecast</h2>\n");
    figure(b, forecastChart(r), "Open opportunities by expected close month, each amount times its probability, "
        + "stacked by forecast category; the line is the revenue won in the month.");
    List<ForecastCategory> categories = forecastCategories(r);
    b.append("<table id=\"forecast-months\">\n<tr><th>Month</th><th>Open</th><th>Amount</th><th>Weighted</th>");
    categories.forEach(c -> b.append("<th>").append(h(label(c))).append(" (weighted)</th>"));
    b.append("<th>Won</th><th>Won revenue</th></tr>\n");
    for (ForecastMonth m : r.forecast().months()) {
      b.append("<tr data-month=\"").append(h(m.month())).append("\"><td>").append(h(m.month())).append("</td>");
      cells(b, m.open());
      b.append(money(m.amount(), "amount")).append(money(m.weighted(), "weighted"));
      for (ForecastCategory c : categories) {
        Optional<CategoryTotal> ct = m.categories().stream().filter(x -> x.category() == c).findFirst();
        b.append(ct.map(x -> money(x.weighted(), "cat")).orElse("<td class=\"n\">-</td>"));
      }
      cells(b, m.won());
      b.append(money(m.wonRevenue(), "won-revenue")).append("</tr>\n");
    }
    b.append("<tr data-month=\"undated\"><td>No expected close day</td>");
    cells(b, r.forecast().undatedOpen());
    b.append(money(r.forecast().undatedAmount(), "amount")).append(money(r.forecast().undatedWeighted(), "weighted"));
    categories.forEach(c -> b.append("<td></td>"));
    b.append("<td></td><td></td></tr>\n</table>\n");
    performance(b, "by-owner", "Owner", r.forecast().byOwner());
    performance(b, "by-source-closed", "Source", r.forecast().bySource());
    b.append("</section>\n");

    // Source effectiveness
    b.append("<section id=\"sources\">\n<h2>Source effectiveness</h2>\n");
    figure(b, sourceChart(r), "Leads captured in the period by source; how many were converted, and how many "
        + "ended in a won deal.");
    b.append("<table id=\"source-table\">\n").append(effectivenessHeader("Source"));
    for (EffectivenessRow e : r.effectiveness().bySource()) {
      String code = e.source().orElseThrow().code();
      b.append("<tr data-source=\"").append(h(code)).append("\"><td>").append(h(code)).append("</td>");
      effectiveness(b, e);
      b.append("</tr>\n");
    }
    b.append("<tr class=\"total\" data-source=\"\"><td>All</td>");
    effectiveness(b, t);
    b.append("</tr>\n</table>\n");
    b.append("<table id=\"campaign-table\">\n<caption>By campaign</caption>\n")
        .append("<tr><th>Campaign</th><th>Leads</th><th>Converted</th><th>Won</th><th>Won revenue</th>")
        .append("<th>Cost</th><th>Cost per lead</th><th>Cost per won</th></tr>\n");
    for (EffectivenessRow e : r.effectiveness().byCampaign()) {
      String name = e.campaign().isEmpty() ? "(no campaign)" : e.campaignName().orElse(e.campaign().get().toString());
      b.append("<tr data-campaign=\"").append(h(e.campaign().map(Object::toString).orElse(""))).append("\"><td>")
          .append(h(name)).append("</td>");
      cells(b, e.leads(), e.converted(), e.won());
      b.append(money(e.wonRevenue(), "won-revenue"))
          .append(e.cost().map(m -> money(m, "cost")).orElse("<td class=\"n\">-</td>"))
          .append(e.costPerLead().map(m -> money(m, "cost-per-lead")).orElse("<td class=\"n\">-</td>"))
          .append(e.costPerWon().map(m -> money(m, "cost-per-won")).orElse("<td class=\"n\">-</td>"))
          .append("</tr>\n");
    }
    b.append("</table>\n");
    b.append("<table id=\"industry-table\">\n<caption>By industry</caption>\n")
        .append("<tr><th>Industry</th><th>Leads</th><th>Converted</th><th>Won</th><th>Won revenue</th></tr>\n");
    for (EffectivenessRow e : r.effectiveness().byIndustry()) {
      String code = e.industry().map(dev.rapport.crm.common.Industry::code).orElse("");
      b.append("<tr data-industry=\"").append(h(code)).append("\"><td>")
          .append(h(code.isEmpty() ? "(not known)" : code)).append("</td>");
      cells(b, e.leads(), e.converted(), e.won());
      b.append(money(e.wonRevenue(), "won-revenue")).append("</tr>\n");
    }
    b.append("</table>\n</section>\n");

    // Customers
    b.append("<section id=\"customers\">\n<h2>Best customers</h2>\n");
    figure(b, customerChart(r), "The accounts with the largest revenue from sales issued in the period.");
    b.append("<table id=\"customer-table\">\n<tr><th>#</th><th>Account</th><th>Revenue</th><th>Purchases</th></tr>\n");
    for (int i = 0; i < r.customers().size(); i++) {
      Customer c = r.customers().get(i);
      b.append("<tr data-account=\"").append(h(c.rank().accountId())).append("\"><td class=\"n\">").append(i + 1)
          .append("</td><td>").append(h(c.name())).append("</td>").append(money(c.rank().revenue(), "revenue"));
      cells(b, c.rank().purchases());
      b.append("</tr>\n");
    }
    b.append("</table>\n</section>\n");

    // RFM segments
    Segmentation seg = r.segmentation();
    b.append("<section id=\"segments\">\n<h2>RFM segments</h2>\n<p>Every account invoiced in the period, scored 1 to 5 "
        + "(by quintile) on recency of its last purchase (as of ").append(h(seg.asOf())).append("), frequency and "
        + "monetary value, and placed in a segment by its scores.</p>\n");
    figure(b, segmentChart(r), "Customers of the period by RFM segment.");
    figure(b, segmentRevenueChart(r), "Revenue of the period (invoices less credit notes) by RFM segment.");
    long customers = seg.customers().size();
    b.append("<table id=\"segment-table\">\n<tr><th>Segment</th><th>Customers</th><th>Share</th><th>Revenue</th></tr>\n");
    for (Segment s : Segment.values()) {
      long n = seg.segments().get(s);
      b.append("<tr data-segment=\"").append(h(s)).append("\"><td>").append(h(segmentLabel(s))).append("</td>")
          .append("<td class=\"n customers\">").append(n).append("</td><td class=\"n\">")
          .append(percent(customers == 0 ? 0 : (double) n / customers)).append("</td>")
          .append(money(Money.of(segmentRevenue(r, s), seg.currency().getCurrencyCode()), "revenue")).append("</tr>\n");
    }
    b.append("<tr class=\"total\"><td>All</td><td class=\"n\">").append(customers)
        .append("</td><td></td><td></td></tr>\n</table>\n");
    b.append("<table id=\"rfm-customers\">\n<caption>The best customers by RFM</caption>\n<tr><th>#</th><th>Account</th>"
        + "<th>R</th><th>F</th><th>M</th><th>Last purchase</th><th>Days since</th><th>Purchases</th><th>Revenue</th>"
        + "<th>Segment</th></tr>\n");
    List<CustomerRfm> best = seg.customers().isEmpty() ? List.of() : seg.best(CUSTOMERS);
    for (int i = 0; i < best.size(); i++) {
      CustomerRfm c = best.get(i);
      b.append("<tr data-account=\"").append(h(c.accountId())).append("\"><td class=\"n\">").append(i + 1)
          .append("</td><td>").append(h(r.accountNames().getOrDefault(c.accountId().toString(), c.accountId().toString())))
          .append("</td>");
      cells(b, c.recencyScore(), c.frequencyScore(), c.monetaryScore());
      b.append("<td>").append(h(c.lastPurchase())).append("</td>");
      cells(b, c.recencyDays(), c.frequency());
      b.append(money(c.monetary(), "monetary")).append("<td class=\"segment\">").append(h(segmentLabel(c.segment())))
          .append("</td></tr>\n");
    }
    b.append("</table>\n</section>\n");

    r.serviceLevels().ifPresent(sl -> serviceLevels(b, sl));

    b.append("<footer>Generated by Rapport (crm-reports); charts by JFreeChart and JFreeSVG.</footer>\n")
        .append("</body>\n</html>\n");
    return b.toString();
  }

  /** The service levels of the period per tier: do the best customers get the best service? */
  private static void serviceLevels(StringBuilder b, dev.rapport.crm.servicelevel.ServiceLevelReport sl) {
    b.append("<section id=\"service-levels\">\n<h2>Service levels by tier</h2>\n<p>The service cases opened in the "
        + "period, by the tier of the customer's value they were opened in: first responses and resolutions within "
        + "target (business hours), breaches, median and 90th-percentile times, and the tier's CSAT and NPS.</p>\n");
    b.append("<table id=\"service-level-table\">\n<tr><th>Tier</th><th>Opened</th><th>Answered in target</th>"
        + "<th>Resolved in target</th><th>Breaches</th><th>Median response</th><th>90th pct response</th>"
        + "<th>Median resolution</th><th>90th pct resolution</th><th>CSAT</th><th>NPS</th></tr>\n");
    for (dev.rapport.crm.servicelevel.ServiceLevelReport.Row row : sl.byTier()) {
      b.append("<tr data-tier=\"").append(h(row.key())).append("\"><td>").append(h(row.key())).append("</td>")
          .append("<td class=\"n opened\">").append(row.opened()).append("</td>")
          .append("<td class=\"n response-in-target\">").append(row.respondedInTarget()).append(" / ").append(row.responded())
          .append(row.responseInTargetPercent().map(p -> " (" + p + " %)").orElse("")).append("</td>")
          .append("<td class=\"n resolution-in-target\">").append(row.resolvedInTarget()).append(" / ").append(row.resolved())
          .append(row.resolutionInTargetPercent().map(p -> " (" + p + " %)").orElse("")).append("</td>")
          .append("<td class=\"n breaches\">").append(row.responseBreaches() + row.resolutionBreaches()).append("</td>")
          .append("<td class=\"n median-response\">").append(hours(row.medianResponse())).append("</td>")
          .append("<td class=\"n p90-response\">").append(hours(row.p90Response())).append("</td>")
          .append("<td class=\"n median-resolution\">").append(hours(row.medianResolution())).append("</td>")
          .append("<td class=\"n p90-resolution\">").append(hours(row.p90Resolution())).append("</td>")
          .append("<td class=\"n csat\">").append(row.csat().satisfiedPercent().map(p -> p + " %").orElse("-")).append("</td>")
          .append("<td class=\"n nps\">").append(row.nps().score().map(Object::toString).orElse("-")).append("</td></tr>\n");
    }
    b.append("</table>\n</section>\n");
  }

  /** A business time as hours and minutes, "-" when there is none. */
  static String hours(java.util.Optional<java.time.Duration> d) {
    return d.map(x -> x.toHours() + " h " + String.format("%02d", x.toMinutesPart()) + " min").orElse("-");
  }

  private static void figure(StringBuilder b, ReportChart c, String caption) {
    Rectangle2D a = c.dataArea();
    StringBuilder series = new StringBuilder();
    c.series().forEach((name, rgb) -> series.append(series.length() == 0 ? "" : ";").append(name.replace(";", ","))
        .append('=').append(rgb));
    b.append("<figure class=\"chart\" id=\"").append(h(c.id())).append("\" data-plot=\"")
        .append(num(a.getX())).append(',').append(num(a.getY())).append(',').append(num(a.getWidth())).append(',')
        .append(num(a.getHeight())).append("\" data-series=\"").append(h(series)).append("\">\n")
        .append(c.svg()).append("\n<figcaption>").append(h(caption)).append("</figcaption>\n</figure>\n");
  }

  private static String effectivenessHeader(String first) {
    return "<tr><th>" + first + "</th><th>Leads</th><th>Contacted</th><th>Qualified</th><th>Converted</th>"
        + "<th>Disqualified</th><th>Opportunities</th><th>Won</th><th>Lost</th><th>Won revenue</th>"
        + "<th>Median days to conversion</th><th>Converted share</th></tr>\n";
  }

  private static void effectiveness(StringBuilder b, EffectivenessRow e) {
    b.append("<td class=\"n leads\">").append(e.leads()).append("</td><td class=\"n contacted\">").append(e.contacted())
        .append("</td><td class=\"n qualified\">").append(e.qualified()).append("</td><td class=\"n converted\">")
        .append(e.converted()).append("</td><td class=\"n disqualified\">").append(e.disqualified())
        .append("</td><td class=\"n opportunities\">").append(e.opportunities()).append("</td><td class=\"n won\">")
        .append(e.won()).append("</td><td class=\"n lost\">").append(e.lost()).append("</td>")
        .append(money(e.wonRevenue(), "won-revenue")).append("<td class=\"n\">").append(days(e.medianDaysToConversion()))
        .append("</td><td class=\"n\">").append(percent(e.convertedShare())).append("</td>");
  }

  private static void performance(StringBuilder b, String id, String group, List<Performance> rows) {
    b.append("<table id=\"").append(id).append("\">\n<caption>Closed in the period, by ").append(group.toLowerCase(Locale.ROOT))
        .append("</caption>\n<tr><th>").append(group).append("</th><th>Won</th><th>Lost</th><th>Win rate</th>")
        .append("<th>Won revenue</th><th>Median days to win</th></tr>\n");
    for (Performance p : rows) {
      b.append("<tr><td>").append(h(p.group().orElse("(none)"))).append("</td>");
      cells(b, p.won(), p.lost());
      b.append("<td class=\"n\">").append(p.winRate().map(ReportPage::percent).orElse("-")).append("</td>")
          .append(money(p.wonRevenue(), "won-revenue")).append("<td class=\"n\">").append(days(p.medianCycleDays()))
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static void cells(StringBuilder b, long... values) {
    for (long v : values) {
      b.append("<td class=\"n\">").append(v).append("</td>");
    }
  }

  private static String money(Money m, String cls) {
    return "<td class=\"n " + cls + "\">" + h(money(m)) + "</td>";
  }

  /** An amount with grouping and its currency's decimals, and the currency code. */
  static String money(Money m) {
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    int scale = Math.max(0, m.currency().getDefaultFractionDigits());
    f.setMinimumFractionDigits(scale);
    f.setMaximumFractionDigits(scale);
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    return f.format(m.amount()) + " " + m.currency().getCurrencyCode();
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  private static String days(Optional<Double> d) {
    return d.map(v -> v == Math.rint(v) ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.1f", v))
        .orElse("-");
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** "Best case" for BEST_CASE. */
  static String label(Enum<?> e) {
    String s = e.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** HTML-escaped text of a value. */
  static String h(Object value) {
    return HTML.escape(String.valueOf(value));
  }

  private static final String CSS = """
      body { font-family: sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
      h1 { font-size: 1.6em; } h2 { font-size: 1.25em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
      .meta { color: #555; }
      figure.chart { margin: 1em 0; }
      figcaption { color: #555; font-size: .9em; }
      table { border-collapse: collapse; margin: 1em 0; font-size: .9em; }
      caption { text-align: left; font-weight: bold; padding: .3em 0; }
      th, td { border: 1px solid #ddd; padding: .25em .6em; }
      th { background: #f3f3f3; text-align: left; }
      td.n { text-align: right; font-variant-numeric: tabular-nums; }
      tr.total td { font-weight: bold; }
      footer { margin-top: 3em; color: #777; font-size: .8em; }
      """;
}
