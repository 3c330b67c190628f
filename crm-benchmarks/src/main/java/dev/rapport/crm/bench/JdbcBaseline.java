package dev.rapport.crm.bench;

import dev.rapport.crm.lead.SignalType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The JPA benchmarks' baseline: raw JDBC on the same tables, writing the same rows Rapport writes
 * (a lead and its {@code LeadCaptured} outbox row; for a conversion the account, contact, contact
 * e-mail, opportunity, lead update and five outbox rows), with batched inserts and no mapping
 * beyond reading every column.
 */
final class JdbcBaseline {
  private static final String LEAD_COLUMNS = "id, tenant_id, version, given_name, family_name, "
      + "email, email_normalized, phone, company, title, source, source_detail, status, "
      + "disqualification_reason, signals, temperature, temperature_override, owner, score, "
      + "created_at, updated_at, converted_contact_id, converted_account_id, "
      + "converted_opportunity_id, converted_at";
  private static final String INSERT_LEAD_COLUMNS = "id, tenant_id, version, "
      + "given_name, family_name, email, email_normalized, company, source, status, signals, "
      + "temperature, owner, score, created_at, updated_at";
  private static final String INSERT_LEAD = "insert into crm_lead (" + INSERT_LEAD_COLUMNS + ") "
      + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String OUTBOX_COLUMNS = "id, tenant_id, aggregate_type, aggregate_id, event_type, payload, "
      + "occurred_at";
  private static final String INSERT_OUTBOX = "insert into crm_outbox (" + OUTBOX_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)";
  private static final String TIMELINE_COLUMNS = "id, tenant_id, subject_id, occurred_at, kind, event_type, summary";

  private static final String INSERT_TIMELINE = "insert into crm_timeline_entry (" + TIMELINE_COLUMNS + ") "
      + "values (?, ?, ?, ?, ?, ?, ?)";

  private JdbcBaseline() {}

  static LocalDateTime column(Instant t) {
    return LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  /**
   * Inserts leads {@code from .. from+n-1} of a series with their outbox rows and timeline entries
   * (the rows Rapport writes for a capture), in JDBC batches of
   * {@code batch} rows, one transaction per batch; {@code status} is {@code NEW} or, for leads to
   * convert, {@code QUALIFIED} (then each lead has its own company and domain). Returns the ids.
   */
  static List<UUID> insertLeads(DataSource ds, String prefix, long from, int n, int batch,
      String status, Instant now) throws SQLException {
    List<UUID> ids = new ArrayList<>(n);
    LocalDateTime at = column(now);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement lead = c.prepareStatement(INSERT_LEAD);
          PreparedStatement outbox = c.prepareStatement(INSERT_OUTBOX);
          PreparedStatement timeline = c.prepareStatement(INSERT_TIMELINE)) {
        for (int k = 0; k < n; k++) {
          Capture row = capture(prefix, from + k, status, now, at);
          ids.add((UUID) row.lead()[0]);
          bind(lead, row.lead());
          bind(outbox, row.outbox());
          bind(timeline, row.timeline());
          if ((k + 1) % batch == 0 || k == n - 1) {
            lead.executeBatch();
            outbox.executeBatch();
            timeline.executeBatch();
            c.commit();
          }
        }
      }
    }
    return ids;
  }

  /**
   * The same rows as {@link #insertLeads}, sent with PostgreSQL's {@code COPY ... FROM STDIN} (CSV),
   * {@code batch} leads per transaction: the fastest way into the tables, the bound of any bulk path.
   */
  static List<UUID> copyLeads(DataSource ds, String prefix, long from, int n, int batch, String status,
      Instant now) throws SQLException {
    List<UUID> ids = new ArrayList<>(n);
    LocalDateTime at = column(now);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
      StringBuilder leads = new StringBuilder();
      StringBuilder outbox = new StringBuilder();
      StringBuilder timeline = new StringBuilder();
      for (int k = 0; k < n; k++) {
        Capture row = capture(prefix, from + k, status, now, at);
        ids.add((UUID) row.lead()[0]);
        csv(leads, row.lead());
        csv(outbox, row.outbox());
        csv(timeline, row.timeline());
        if ((k + 1) % batch == 0 || k == n - 1) {
          try {
            copy.copyIn("copy crm_lead (" + INSERT_LEAD_COLUMNS + ") from stdin (format csv)",
                new java.io.StringReader(leads.toString()));
            copy.copyIn("copy crm_outbox (" + OUTBOX_COLUMNS + ") from stdin (format csv)",
                new java.io.StringReader(outbox.toString()));
            copy.copyIn("copy crm_timeline_entry (" + TIMELINE_COLUMNS + ") from stdin (format csv)",
                new java.io.StringReader(timeline.toString()));
          } catch (java.io.IOException e) {
            throw new SQLException(e);
          }
          c.commit();
          leads.setLength(0);
          outbox.setLength(0);
          timeline.setLength(0);
        }
      }
    }
    return ids;
  }

  /** The rows one capture writes: the lead, its outbox event, its timeline entry (columns in insert order). */
  private record Capture(Object[] lead, Object[] outbox, Object[] timeline) {}

  private static Capture capture(String prefix, long i, String status, Instant now, LocalDateTime at) {
    boolean convertible = status.equals("QUALIFIED");
    UUID id = HandStore.nextId();
    String email = convertible ? "buyer" + i + "@buyer" + i + ".example" : Fixture.email(prefix, i);
    SignalType s = convertible ? SignalType.DEMO_REQUEST : Fixture.signal(i);
    String source = Fixture.source(i).code();
    Object[] lead = {id, Fixture.TENANT, 1L, Fixture.given(i), Fixture.family(i), email,
        email.toLowerCase(Locale.ROOT), convertible ? "Buyer " + i + " Ltd" : Fixture.company(i), source, status,
        s == null ? "[]" : "[{\"type\":\"" + s.code() + "\",\"intent\":\"" + s.intent().name() + "\",\"at\":\""
            + now + "\",\"detail\":null}]",
        s == null ? "COLD" : s.intent() == SignalType.Intent.BUYING ? "HOT" : "WARM", Fixture.owner(i), 0, at, at};
    Object[] outbox = {HandStore.nextId(), Fixture.TENANT, "lead", id, "LeadCaptured", "{\"tenantId\":\""
        + Fixture.TENANT + "\",\"occurredAt\":\"" + now + "\",\"leadId\":\"" + id + "\",\"source\":\"" + source
        + "\"}", at};
    Object[] timeline = {HandStore.nextId(), Fixture.TENANT, id, at, "HISTORY", "LeadCaptured",
        "Lead captured (source: " + source + ")"};
    return new Capture(lead, outbox, timeline);
  }

  private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
    for (int k = 0; k < values.length; k++) {
      ps.setObject(k + 1, values[k]);
    }
    ps.addBatch();
  }

  /** One CSV line: every value quoted, quotes doubled. */
  private static void csv(StringBuilder out, Object[] values) {
    for (int k = 0; k < values.length; k++) {
      if (k > 0) {
        out.append(',');
      }
      out.append('"').append(values[k].toString().replace("\"", "\"\"")).append('"');
    }
    out.append('\n');
  }

  private static void outbox(PreparedStatement outbox, UUID aggregate, String type, String event,
      String payload, LocalDateTime at) throws SQLException {
    outbox.setObject(1, HandStore.nextId());
    outbox.setString(2, Fixture.TENANT);
    outbox.setString(3, type);
    outbox.setObject(4, aggregate);
    outbox.setString(5, event);
    outbox.setString(6, payload);
    outbox.setObject(7, at);
    outbox.addBatch();
  }

  /** Every column of every row, read the way a hand-written mapper would. */
  private static List<Object[]> rows(ResultSet rs) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    List<Object[]> rows = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[columns];
      for (int k = 0; k < columns; k++) {
        row[k] = rs.getObject(k + 1);
      }
      rows.add(row);
    }
    return rows;
  }

  /** The leads with this e-mail address (any case): one indexed select. */
  static List<Object[]> findByEmail(DataSource ds, String email) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("select " + LEAD_COLUMNS + " from crm_lead "
            + "where tenant_id = ? and email_normalized = ? order by id")) {
      ps.setString(1, Fixture.TENANT);
      ps.setString(2, email.toLowerCase(Locale.ROOT));
      try (ResultSet rs = ps.executeQuery()) {
        return rows(rs);
      }
    }
  }

  /** The first {@code size} hot leads of an owner, and one more to know whether more follow. */
  static List<Object[]> hotLeadsOf(DataSource ds, String owner, int size) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("select " + LEAD_COLUMNS + " from crm_lead "
            + "where tenant_id = ? and owner = ? and temperature = 'HOT' order by id limit ?")) {
      ps.setString(1, Fixture.TENANT);
      ps.setString(2, owner);
      ps.setInt(3, size + 1);
      try (ResultSet rs = ps.executeQuery()) {
        return rows(rs);
      }
    }
  }

  /** How many hot leads the owner has, in one {@code select count(*)}. */
  static long countHotLeadsOf(DataSource ds, String owner) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("select count(*) from crm_lead "
            + "where tenant_id = ? and owner = ? and temperature = 'HOT'")) {
      ps.setString(1, Fixture.TENANT);
      ps.setString(2, owner);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Converts a qualified lead in one transaction, as Rapport does: reads the lead, looks for a
   * contact by e-mail and an account by name and by domain, inserts account, contact, contact
   * e-mail and opportunity, updates the lead at its version, and writes five outbox rows.
   */
  static UUID convert(DataSource ds, UUID leadId, String dealName, Instant now) throws SQLException {
    LocalDateTime at = column(now);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        String email;
        String company;
        String owner;
        String source;
        String given;
        String family;
        long version;
        try (PreparedStatement ps = c.prepareStatement("select " + LEAD_COLUMNS
            + " from crm_lead where tenant_id = ? and id = ?")) {
          ps.setString(1, Fixture.TENANT);
          ps.setObject(2, leadId);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || !rs.getString("status").equals("QUALIFIED")) {
              throw new IllegalStateException("not a qualified lead: " + leadId);
            }
            email = rs.getString("email_normalized");
            company = rs.getString("company");
            owner = rs.getString("owner");
            source = rs.getString("source");
            given = rs.getString("given_name");
            family = rs.getString("family_name");
            version = rs.getLong("version");
          }
        }
        String domain = email.substring(email.indexOf('@') + 1);
        String nameKey = company.toLowerCase(Locale.ROOT).strip();
        boolean found = exists(c, "select contact_id from crm_contact_email where tenant_id = ? "
            + "and email_normalized = ?", email)
            | exists(c, "select id from crm_account where tenant_id = ? and name_key = ? "
            + "order by id", nameKey)
            | exists(c, "select id from crm_account where tenant_id = ? and domain = ? "
            + "order by id", domain);
        if (found) {
          throw new IllegalStateException("the baseline converts only into new records");
        }
        UUID account = HandStore.nextId();
        UUID contact = HandStore.nextId();
        UUID opportunity = HandStore.nextId();
        try (PreparedStatement ps = c.prepareStatement("insert into crm_account (id, tenant_id, "
            + "version, name, name_key, domain, owner, created_at, updated_at) "
            + "values (?, ?, 1, ?, ?, ?, ?, ?, ?)")) {
          ps.setObject(1, account);
          ps.setString(2, Fixture.TENANT);
          ps.setString(3, company);
          ps.setString(4, nameKey);
          ps.setString(5, domain);
          ps.setString(6, owner);
          ps.setObject(7, at);
          ps.setObject(8, at);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into crm_contact (id, tenant_id, "
            + "version, given_name, family_name, account_id, phones, origin_lead_id, owner, "
            + "created_at, updated_at) values (?, ?, 1, ?, ?, ?, '[]', ?, ?, ?, ?)")) {
          ps.setObject(1, contact);
          ps.setString(2, Fixture.TENANT);
          ps.setString(3, given);
          ps.setString(4, family);
          ps.setObject(5, account);
          ps.setObject(6, leadId);
          ps.setString(7, owner);
          ps.setObject(8, at);
          ps.setObject(9, at);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into crm_contact_email (tenant_id, "
            + "contact_id, email_normalized, address, list_index) values (?, ?, ?, ?, 0)")) {
          ps.setString(1, Fixture.TENANT);
          ps.setObject(2, contact);
          ps.setString(3, email);
          ps.setString(4, email);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into crm_opportunity (id, "
            + "tenant_id, version, name, account_id, primary_contact_id, amount, currency, stage, "
            + "probability, probability_overridden, forecast_category, status, source, "
            + "origin_lead_id, owner, history, created_at, updated_at) values (?, ?, 1, ?, ?, ?, "
            + "?, 'EUR', 'Prospecting', 10, false, 'PIPELINE', 'OPEN', ?, ?, ?, ?, ?, ?)")) {
          ps.setObject(1, opportunity);
          ps.setString(2, Fixture.TENANT);
          ps.setString(3, dealName);
          ps.setObject(4, account);
          ps.setObject(5, contact);
          ps.setBigDecimal(6, Fixture.DEAL_AMOUNT.amount());
          ps.setString(7, source);
          ps.setObject(8, leadId);
          ps.setString(9, owner);
          ps.setString(10, "[{\"from\":null,\"to\":\"Prospecting\",\"at\":\"" + now + "\"}]");
          ps.setObject(11, at);
          ps.setObject(12, at);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("update crm_lead set version = ?, "
            + "status = 'CONVERTED', converted_contact_id = ?, converted_account_id = ?, "
            + "converted_opportunity_id = ?, converted_at = ?, updated_at = ? "
            + "where tenant_id = ? and id = ? and version = ?")) {
          ps.setLong(1, version + 1);
          ps.setObject(2, contact);
          ps.setObject(3, account);
          ps.setObject(4, opportunity);
          ps.setObject(5, at);
          ps.setObject(6, at);
          ps.setString(7, Fixture.TENANT);
          ps.setObject(8, leadId);
          ps.setLong(9, version);
          if (ps.executeUpdate() != 1) {
            throw new IllegalStateException("lead changed concurrently: " + leadId);
          }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_OUTBOX)) {
          String head = "{\"tenantId\":\"" + Fixture.TENANT + "\",\"occurredAt\":\"" + now + "\",";
          outbox(ps, leadId, "lead", "LeadStatusChanged", head + "\"leadId\":\"" + leadId
              + "\",\"from\":\"QUALIFIED\",\"to\":\"CONVERTED\"}", at);
          outbox(ps, account, "account", "AccountCreated", head + "\"accountId\":\"" + account
              + "\",\"name\":\"" + company + "\"}", at);
          outbox(ps, contact, "contact", "ContactCreated", head + "\"contactId\":\"" + contact
              + "\",\"accountId\":\"" + account + "\"}", at);
          outbox(ps, opportunity, "opportunity", "OpportunityOpened", head
              + "\"opportunityId\":\"" + opportunity + "\",\"accountId\":\"" + account
              + "\",\"amount\":\"12000 EUR\",\"stage\":\"Prospecting\"}", at);
          outbox(ps, leadId, "lead", "LeadConverted", head + "\"leadId\":\"" + leadId
              + "\",\"contactId\":\"" + contact + "\",\"accountId\":\"" + account
              + "\",\"opportunityId\":\"" + opportunity + "\"}", at);
          ps.executeBatch();
        }
        c.commit();
        return opportunity;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static boolean exists(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, Fixture.TENANT);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
