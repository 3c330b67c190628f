/**
 * Reports a host shows in its own application: {@link dev.rapport.crm.reports.AnalyticsReport}
 * renders the analytics of a tenant and period as one self-contained HTML page (inline CSS, the
 * charts as inline SVG drawn by JFreeChart and written by JFreeSVG, no script, nothing loaded from
 * elsewhere).
 */
module dev.rapport.crm.reports {
  requires transitive dev.rapport.crm;
  requires com.google.common;
  requires java.desktop;
  requires org.jfree.jfreechart;
  requires org.jfree.svg;

  exports dev.rapport.crm.reports;
}
