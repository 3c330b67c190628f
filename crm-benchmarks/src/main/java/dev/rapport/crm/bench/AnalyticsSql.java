package dev.rapport.crm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The analytics benchmark's data and its hand-written SQL baseline, on PostgreSQL. {@link #load}
 * fills {@code crm_lead} and {@code crm_opportunity} with one {@code insert ... select ... from
 * generate_series} each, with the rows (and the columns of schema version 7) the adapter would have
 * written: leads over 2024 and 2025 in six sources, two thirds in one of the campaigns; every tenth
 * lead converted into an opportunity while there are opportunities to match (the rest of them
 * opened on their own); half the opportunities open in the standard pipeline's stages, the others
 * won or lost. One currency (EUR), so both sides convert nothing.
 *
 * <p>The baselines answer what Rapport's reports answer, the way one would write it by hand for
 * PostgreSQL: grouping sets, {@code filter} clauses, {@code percentile_cont} for the medians and
 * date arithmetic on the timestamps (not the stored day columns).
 */
final class AnalyticsSql {
  static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);
  static final String[] SOURCES = {"webinar", "referral", "trade_show", "cold_call", "partner", "website_signup"};

  private AnalyticsSql() {}

  private static String textArray(String[] values) {
    StringBuilder b = new StringBuilder("array[");
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "'" : ", '").append(values[i]).append('\'');
    }
    return b.append("]").toString();
  }

  /** Writes {@code leads} leads and {@code opportunities} opportunities of the tenant; the campaigns exist. */
  static void load(DataSource ds, String tenant, List<UUID> campaigns, int leads, int opportunities) throws SQLException {
    String campaignArray = textArray(campaigns.stream().map(UUID::toString).toArray(String[]::new)) + "::uuid[]";
    String sources = textArray(SOURCES);
    // the converted leads: every tenth, while there are opportunities for them (half of the opportunities)
    int converted = Math.min(leads / 10, opportunities / 2);
    long leadStep = 2L * 365 * 86_400 / Math.max(1, leads);
    long opportunityStep = 2L * 365 * 86_400 / Math.max(1, opportunities);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("insert into crm_lead (id, tenant_id, version, family_name, source, status, signals, temperature,"
          + " owner, score, created_at, updated_at, converted_contact_id, converted_account_id, converted_opportunity_id,"
          + " converted_at, campaign_id, conversion_days)"
          + " select md5('l' || g)::uuid, '" + tenant + "', 1, 'Lead ' || g, (" + sources + ")[1 + g % 6],"
          + " case when conv then 'CONVERTED' else (array['NEW', 'CONTACTED', 'NURTURING', 'QUALIFIED', 'DISQUALIFIED'])[1 + g % 5] end,"
          + " '[]', 'COLD', 'owner' || (g % 20), 0, created, created,"
          + " case when conv then md5('c' || g)::uuid end, case when conv then md5('a' || (g % 1000))::uuid end,"
          + " case when conv then md5('o' || (g / 10))::uuid end, case when conv then converted end,"
          + " case when g % 3 <> 0 then (" + campaignArray + ")[1 + g % " + campaigns.size() + "] end,"
          + " case when conv then floor(extract(epoch from converted - created) / 86400) end"
          + " from (select g, g % 10 = 0 and g / 10 <= " + converted + " as conv,"
          + "   timestamp '" + EPOCH + "' + g * interval '" + leadStep + " seconds' as created,"
          + "   timestamp '" + EPOCH + "' + g * interval '" + leadStep + " seconds'"
          + "     + (g % 60) * interval '1 day' + (g % 7200) * interval '1 second' as converted"
          + "   from generate_series(1, " + leads + ") g) x");
      s.execute("insert into crm_opportunity (id, tenant_id, version, name, account_id, amount, currency, stage,"
          + " probability, probability_overridden, forecast_category, expected_close_date, status, lost_reason, source,"
          + " origin_lead_id, owner, history, created_at, updated_at, closed_at, cycle_days, visit_stage, visit_since)"
          + " select md5('o' || g)::uuid, '" + tenant + "', 1, 'Deal ' || g, md5('a' || (g % 1000))::uuid,"
          + " (100 + g % 9000)::numeric(19,4), 'EUR', case status when 'WON' then 'Closed Won' when 'LOST' then 'Closed Lost'"
          + "   else (array['Prospecting', 'Qualification', 'Needs Analysis', 'Proposal', 'Negotiation'])[1 + g % 5] end,"
          + " case status when 'WON' then 100 when 'LOST' then 0 else (array[10, 20, 25, 50, 80])[1 + g % 5] end, false,"
          + " case status when 'WON' then 'CLOSED' when 'LOST' then 'OMITTED'"
          + "   else (array['PIPELINE', 'PIPELINE', 'PIPELINE', 'BEST_CASE', 'COMMIT'])[1 + g % 5] end,"
          + " case when g % 13 <> 0 then date '2025-01-01' + (g % 540) end, status,"
          + " case when status = 'LOST' then 'price' end, (" + sources + ")[1 + (g * 10) % 6],"
          + " case when g <= " + converted + " then md5('l' || (g * 10))::uuid end, 'owner' || (g % 20), '[]',"
          + " created, created, closed, floor(extract(epoch from closed - created) / 86400), 'Prospecting', created"
          + " from (select g, case when g % 10 < 5 then 'OPEN' when g % 10 < 8 then 'WON' else 'LOST' end as status,"
          + "   timestamp '" + EPOCH + "' + g * interval '" + opportunityStep + " seconds' as created,"
          + "   case when g % 10 >= 5 then timestamp '" + EPOCH + "' + g * interval '" + opportunityStep + " seconds'"
          + "     + (g % 120) * interval '1 day' + (g % 86400) * interval '1 second' end as closed"
          + "   from generate_series(1, " + opportunities + ") g) x");
      s.execute("analyze crm_lead");
      s.execute("analyze crm_opportunity");
    }
  }

  /** Lead source and campaign effectiveness by hand: one grouping-sets query and the campaigns' costs. */
  static List<Object[]> effectiveness(DataSource ds, String tenant, LocalDate from, LocalDate to) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (Connection c = ds.getConnection(); PreparedStatement p = c.prepareStatement(
        "select l.source, l.campaign_id, grouping(l.source), count(*),"
            + " count(*) filter (where l.status in ('CONTACTED', 'NURTURING', 'QUALIFIED', 'CONVERTED')),"
            + " count(*) filter (where l.status in ('QUALIFIED', 'CONVERTED')),"
            + " count(*) filter (where l.status = 'CONVERTED'), count(*) filter (where l.status = 'DISQUALIFIED'),"
            + " count(o.id), count(*) filter (where o.status = 'WON'), count(*) filter (where o.status = 'LOST'),"
            + " coalesce(sum(o.amount) filter (where o.status = 'WON'), 0),"
            + " percentile_cont(0.5) within group (order by floor(extract(epoch from l.converted_at - l.created_at) / 86400))"
            + "   filter (where l.converted_at is not null)"
            + " from crm_lead l left join crm_opportunity o on o.tenant_id = l.tenant_id and o.id = l.converted_opportunity_id"
            + " where l.tenant_id = ? and l.created_at >= ? and l.created_at < ?"
            + " group by grouping sets ((l.source), (l.campaign_id), ())")) {
      p.setString(1, tenant);
      p.setObject(2, from.atStartOfDay());
      p.setObject(3, to.plusDays(1).atStartOfDay());
      read(p, 13, rows);
    }
    try (Connection c = ds.getConnection(); PreparedStatement p = c.prepareStatement(
        "select id, name, actual_cost, currency from crm_campaign where tenant_id = ?")) {
      p.setString(1, tenant);
      read(p, 4, rows);
    }
    return rows;
  }

  /** The forecast by hand: open pipeline by month and category, won by month, win rate and median cycle by owner and source. */
  static List<Object[]> forecast(DataSource ds, String tenant, LocalDate from, LocalDate to) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement p = c.prepareStatement("select date_trunc('month', expected_close_date), forecast_category,"
          + " count(*), sum(amount), sum(amount * probability) / 100 from crm_opportunity"
          + " where tenant_id = ? and status = 'OPEN' and (expected_close_date is null"
          + " or expected_close_date between ? and ?) group by 1, 2")) {
        p.setString(1, tenant);
        p.setObject(2, from);
        p.setObject(3, to);
        read(p, 5, rows);
      }
      try (PreparedStatement p = c.prepareStatement("select date_trunc('month', closed_at), count(*), sum(amount)"
          + " from crm_opportunity where tenant_id = ? and status = 'WON' and closed_at >= ? and closed_at < ? group by 1")) {
        p.setString(1, tenant);
        p.setObject(2, from.atStartOfDay());
        p.setObject(3, to.plusDays(1).atStartOfDay());
        read(p, 3, rows);
      }
      try (PreparedStatement p = c.prepareStatement("select owner, source, grouping(owner),"
          + " count(*) filter (where status = 'WON'), count(*) filter (where status = 'LOST'),"
          + " coalesce(sum(amount) filter (where status = 'WON'), 0),"
          + " percentile_cont(0.5) within group (order by floor(extract(epoch from closed_at - created_at) / 86400))"
          + "   filter (where status = 'WON')"
          + " from crm_opportunity where tenant_id = ? and closed_at >= ? and closed_at < ?"
          + " group by grouping sets ((owner), (source))")) {
        p.setString(1, tenant);
        p.setObject(2, from.atStartOfDay());
        p.setObject(3, to.plusDays(1).atStartOfDay());
        read(p, 7, rows);
      }
    }
    return rows;
  }

  private static void read(PreparedStatement p, int columns, List<Object[]> rows) throws SQLException {
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        Object[] r = new Object[columns];
        for (int i = 0; i < columns; i++) {
          r[i] = rs.getObject(i + 1);
        }
        rows.add(r);
      }
    }
  }
}
