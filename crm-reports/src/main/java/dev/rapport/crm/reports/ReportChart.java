package dev.rapport.crm.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * One chart of the analytics report, drawn by JFreeChart into an SVG element by JFreeSVG.
 *
 * @param id the chart's id in the page (also the prefix of its SVG definitions, so that charts
 *     inlined in one page share no id)
 * @param svg the {@code <svg>} element
 * @param dataArea where the data is drawn, in the chart's coordinates (bars, slices and points
 *     lie inside it; titles, axes and legends outside)
 * @param series each series (or slice) of the chart and the colour it is filled with, as
 *     {@code rgb(r,g,b)}, in the order of the legend
 */
record ReportChart(String id, String svg, Rectangle2D dataArea, Map<String, String> series) {
  ReportChart {
    series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
  }

  /** The palette, one colour a series; none is a colour the chart uses for anything else. */
  private static final Color[] PALETTE = {new Color(0x4e79a7), new Color(0xf28e2b), new Color(0x59a14f),
      new Color(0xe15759), new Color(0x76b7b2), new Color(0xedc948), new Color(0xb07aa1), new Color(0x9c755f),
      new Color(0xff9da7), new Color(0x6b6ecf)};
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  static final int WIDTH = 760;
  static final int HEIGHT = 380;

  /** The colour of the series or slice at {@code index}. */
  static Color color(int index) {
    return PALETTE[index % PALETTE.length];
  }

  static String rgb(Color c) {
    return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
  }

  /**
   * A bar chart: one bar a category in each series, side by side or stacked.
   *
   * @param rows series name → (category → value), every series with the same categories in order
   */
  static ReportChart bars(String id, String title, String valueAxis, Map<String, Map<String, Number>> rows,
      boolean horizontal, boolean stacked) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    rows.forEach((series, values) -> values.forEach((category, v) -> data.addValue(v, series, category)));
    BarRenderer renderer = stacked ? new StackedBarRenderer() : new BarRenderer();
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), new NumberAxis(valueAxis), renderer);
    plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
    style(plot, renderer);
    if (!stacked) {
      renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
      renderer.setDefaultItemLabelsVisible(true);
      renderer.setItemMargin(0.05);
    }
    if (!horizontal && rows.values().iterator().next().size() > 6) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    Map<String, String> series = paint(renderer, rows.keySet().stream().toList());
    return draw(id, chart(title, plot, rows.size() > 1), series);
  }

  /**
   * Stacked bars by month with a line over them.
   *
   * @param stacks series name → (month → value) for the stacked bars
   * @param lineName the line's series name
   * @param line month → value for the line
   */
  static ReportChart barsAndLine(String id, String title, String valueAxis,
      Map<String, Map<String, Number>> stacks, String lineName, Map<String, Number> line) {
    DefaultCategoryDataset bars = new DefaultCategoryDataset();
    stacks.forEach((series, values) -> values.forEach((category, v) -> bars.addValue(v, series, category)));
    DefaultCategoryDataset points = new DefaultCategoryDataset();
    line.forEach((category, v) -> points.addValue(v, lineName, category));
    StackedBarRenderer renderer = new StackedBarRenderer();
    CategoryPlot plot = new CategoryPlot(bars, new CategoryAxis(null), new NumberAxis(valueAxis), renderer);
    style(plot, renderer);
    Map<String, String> series = paint(renderer, stacks.keySet().stream().toList());
    LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
    Color c = color(series.size());
    lines.setSeriesPaint(0, c);
    lines.setSeriesStroke(0, new BasicStroke(2.5f));
    lines.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
    lines.setDrawOutlines(false);
    series.put(lineName, rgb(c));
    plot.setDataset(1, points);
    plot.setRenderer(1, lines);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    return draw(id, chart(title, plot, true), series);
  }

  /** A pie: one slice a category with a value above zero. */
  static ReportChart pie(String id, String title, Map<String, Number> slices) {
    DefaultPieDataset<String> data = new DefaultPieDataset<>();
    slices.forEach(data::setValue);
    PiePlot<String> plot = new PiePlot<>(data);
    Map<String, String> series = new LinkedHashMap<>();
    int i = 0;
    for (String name : slices.keySet()) {
      Color c = color(i++);
      plot.setSectionPaint(name, c);
      series.put(name, rgb(c));
    }
    plot.setIgnoreZeroValues(true);
    plot.setShadowPaint(null);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setSectionOutlinesVisible(true);
    plot.setDefaultSectionOutlinePaint(Color.WHITE);
    plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0}: {1} ({2})",
        NumberFormat.getIntegerInstance(Locale.ROOT), NumberFormat.getPercentInstance(Locale.ROOT)));
    plot.setLabelBackgroundPaint(new Color(0xfafafa));
    plot.setLabelShadowPaint(null);
    plot.setLabelOutlinePaint(new Color(0xcccccc));
    return draw(id, chart(title, plot, true), series);
  }

  private static void style(CategoryPlot plot, BarRenderer renderer) {
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    plot.setBackgroundPaint(new Color(0xf7f7f7));
    plot.setRangeGridlinePaint(new Color(0xc8c8c8));
    plot.setOutlineVisible(false);
    ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ROOT));
  }

  private static Map<String, String> paint(BarRenderer renderer, List<String> names) {
    Map<String, String> series = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      Paint p = color(i);
      renderer.setSeriesPaint(i, p);
      series.put(names.get(i), rgb(color(i)));
    }
    return series;
  }

  private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(null, TITLE, plot, false);
    chart.setTitle(new TextTitle(title, TITLE));
    chart.setBackgroundPaint(Color.WHITE);
    if (legend) {
      LegendTitle l = new LegendTitle(plot);
      l.setPosition(RectangleEdge.BOTTOM);
      l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
      chart.addLegend(l);
    }
    return chart;
  }

  private static ReportChart draw(String id, JFreeChart chart, Map<String, String> series) {
    SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
    g2.setDefsKeyPrefix(id + "-");
    ChartRenderingInfo info = new ChartRenderingInfo();
    chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT), info);
    Rectangle2D area = info.getPlotInfo().getDataArea();
    return new ReportChart(id, g2.getSVGElement(id + "-svg"), area, series);
  }
}
