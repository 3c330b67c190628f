package dev.rapport.crm.jpa;

import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.Priority;
import dev.rapport.crm.activity.TaskStatus;
import dev.rapport.crm.activity.TimelineItem;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.common.Limits;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.opportunity.ForecastCategory;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.feedback.FeedbackScale;
import dev.rapport.crm.service.CasePriority;
import dev.rapport.crm.service.CaseStatus;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema scripts, as a database holds them after every migration, against the core's
 * {@link Limits}: every text column is at least as wide as the longest value the core accepts
 * for it, so no accepted value reaches a column it does not fit. Every text column of every
 * {@code crm_} table must be listed here, so a new column cannot be forgotten.
 */
class SchemaLimitsTest {

  /** How a column's values are measured. */
  enum Unit {
    /** ASCII (codes, enum names, domains, ids), or bounded by the core in UTF-16 units (e-mail addresses): the same width on every database. */
    ASCII,
    /** Any text: code points, which H2 counts as two UTF-16 units outside the BMP. */
    TEXT,
    /** JSON of bounded parts: every character may be escaped as {@code \}{@code uXXXX}, six units. */
    JSON
  }

  /** A column's need: a unit and how many of them the core allows. */
  record Need(Unit unit, long max) {
    long width(Database database) {
      return switch (unit) {
        case ASCII -> max;
        case TEXT -> database == Database.H2 ? 2 * max : max;
        case JSON -> 6 * max;
      };
    }
  }

  private static Need ascii(long max) {
    return new Need(Unit.ASCII, max);
  }

  private static Need text(long max) {
    return new Need(Unit.TEXT, max);
  }

  /** JSON whose characters of text are {@code max} code points, plus {@code overhead} per element. */
  private static Need json(long max) {
    return new Need(Unit.JSON, max);
  }

  private static long longest(Enum<?>[] values) {
    return Arrays.stream(values).mapToLong(v -> v.name().length()).max().orElseThrow();
  }

  /** An E.164 number in JSON: {@code "+} and 15 digits {@code ",}. */
  private static final int PHONE_IN_JSON = 1 + 1 + 15 + 2;

  static final Map<String, Need> COLUMNS = new TreeMap<>(Map.ofEntries(
      entry("crm_lead.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_lead.given_name", text(Limits.NAME_PART)),
      entry("crm_lead.family_name", text(Limits.NAME_PART)),
      entry("crm_lead.email", ascii(Limits.EMAIL)),
      entry("crm_lead.email_normalized", ascii(Limits.EMAIL)),
      entry("crm_lead.phone", ascii(16)),
      entry("crm_lead.match_email", ascii(dev.rapport.crm.common.MatchKeys.MAX_LENGTH)),
      entry("crm_lead.match_phone", ascii(dev.rapport.crm.common.MatchKeys.MAX_LENGTH)),
      entry("crm_lead.match_name", ascii(dev.rapport.crm.common.MatchKeys.MAX_LENGTH)),
      entry("crm_contact.match_email", ascii(dev.rapport.crm.common.MatchKeys.MAX_LENGTH)),
      entry("crm_contact.match_phone", ascii(dev.rapport.crm.common.MatchKeys.MAX_LENGTH)),
      entry("crm_contact.match_name", ascii(dev.rapport.crm.common.MatchKeys.MAX_LENGTH)),
      entry("crm_account.match_name", ascii(dev.rapport.crm.common.MatchKeys.MAX_LENGTH)),
      entry("crm_lead.search_name", ascii(dev.rapport.crm.search.SearchText.MAX_LENGTH)),
      entry("crm_lead.search_company", ascii(dev.rapport.crm.search.SearchText.MAX_LENGTH)),
      entry("crm_lead.search_email", ascii(dev.rapport.crm.search.SearchText.MAX_LENGTH)),
      entry("crm_lead.search_phone", ascii(dev.rapport.crm.search.SearchText.MAX_LENGTH)),
      entry("crm_contact.search_name", ascii(dev.rapport.crm.search.SearchText.MAX_LENGTH)),
      entry("crm_contact.search_email", ascii(dev.rapport.crm.search.SearchText.MAX_LENGTH)),
      entry("crm_contact.search_phone", ascii(dev.rapport.crm.search.SearchText.MAX_LENGTH)),
      entry("crm_account.search_name", ascii(dev.rapport.crm.search.SearchText.MAX_LENGTH)),
      entry("crm_account.search_domain", ascii(dev.rapport.crm.search.SearchText.MAX_LENGTH)),
      entry("crm_account.search_reference", ascii(dev.rapport.crm.search.SearchText.MAX_LENGTH)),
      entry("crm_lead.company", text(Limits.TEXT)),
      entry("crm_lead.title", text(Limits.TEXT)),
      entry("crm_lead.source", ascii(Limits.CODE)),
      entry("crm_lead.industry", ascii(Limits.CODE)),
      // custom field values: 100 entries of a key, a type and a value (a text of 1,000 characters, or
      // 50 options of 50 characters and their commas: the longer)
      entry("crm_lead.custom_fields", json(dev.rapport.crm.field.CustomFields.MAX_VALUES * (Math.max(dev.rapport.crm.field.FieldValue.MAX_TEXT, dev.rapport.crm.field.FieldValue.MAX_CHOICES * (Limits.CODE + 1L)) + Limits.CODE + 40L))),
      entry("crm_contact.custom_fields", json(dev.rapport.crm.field.CustomFields.MAX_VALUES * (Math.max(dev.rapport.crm.field.FieldValue.MAX_TEXT, dev.rapport.crm.field.FieldValue.MAX_CHOICES * (Limits.CODE + 1L)) + Limits.CODE + 40L))),
      entry("crm_account.custom_fields", json(dev.rapport.crm.field.CustomFields.MAX_VALUES * (Math.max(dev.rapport.crm.field.FieldValue.MAX_TEXT, dev.rapport.crm.field.FieldValue.MAX_CHOICES * (Limits.CODE + 1L)) + Limits.CODE + 40L))),
      entry("crm_opportunity.custom_fields", json(dev.rapport.crm.field.CustomFields.MAX_VALUES * (Math.max(dev.rapport.crm.field.FieldValue.MAX_TEXT, dev.rapport.crm.field.FieldValue.MAX_CHOICES * (Limits.CODE + 1L)) + Limits.CODE + 40L))),
      entry("crm_case.custom_fields", json(dev.rapport.crm.field.CustomFields.MAX_VALUES * (Math.max(dev.rapport.crm.field.FieldValue.MAX_TEXT, dev.rapport.crm.field.FieldValue.MAX_CHOICES * (Limits.CODE + 1L)) + Limits.CODE + 40L))),
      entry("crm_custom_field.tenant_id", ascii(Limits.TENANT_ID)),
      // service levels (schema version 18): a case's tier, an account's tier, a tenant's policy as JSON
      // (20 tiers of 20 rules, each at most 8 segment names or 3 payer classes, a money amount or a
      // flag of a key and a value; and 1,000 holidays of a 200-character name)
      entry("crm_case.sl_tier", text(Limits.CODE)),
      entry("crm_account_tier.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_account_tier.tier", text(Limits.CODE)),
      entry("crm_service_policy.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_service_policy.policy_json", json(1_000L * (Limits.TEXT + 60)
          + 20L * (Limits.CODE + 400 + 20L * (dev.rapport.crm.field.FieldValue.MAX_TEXT + Limits.CODE + 300)))),
      entry("crm_custom_field.kind", ascii(longest(dev.rapport.crm.field.RecordKind.values()))),
      entry("crm_custom_field.field_key", ascii(Limits.CODE)),
      // the label, 100 options of 50 characters, the limits
      entry("crm_custom_field.definition", json(Limits.TEXT + dev.rapport.crm.field.CustomField.MAX_OPTIONS * (Limits.CODE + 3L) + 200)),
      // four parts with their names and punctuation
      entry("crm_lead.source_detail", json(4L * (Limits.TEXT + 20))),
      entry("crm_lead.status", ascii(longest(LeadStatus.values()))),
      entry("crm_lead.disqualification_reason", text(Limits.TEXT)),
      // each signal: type code, an instant and the detail, with names and punctuation
      entry("crm_lead.signals", json((long) Limits.SIGNALS_PER_LEAD * (Limits.SIGNAL_DETAIL + Limits.CODE + 80))),
      entry("crm_lead.temperature", ascii(longest(Temperature.values()))),
      entry("crm_lead.temperature_override", ascii(longest(Temperature.values()))),
      entry("crm_lead.owner", text(Limits.TEXT)),
      entry("crm_account.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_account.name", text(Limits.TEXT)),
      entry("crm_account.name_key", text(Limits.NAME_KEY)),
      entry("crm_account.domain", ascii(Limits.DOMAIN)),
      entry("crm_account.external_reference", text(Limits.TEXT)),
      entry("crm_account.industry", ascii(Limits.CODE)), // wider: free text before version 16
      entry("crm_account.owner", text(Limits.TEXT)),
      entry("crm_contact.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_contact.given_name", text(Limits.NAME_PART)),
      entry("crm_contact.family_name", text(Limits.NAME_PART)),
      // ASCII only, never escaped: the bound is exact
      entry("crm_contact.phones", ascii(2L + (long) Limits.PHONES_PER_CONTACT * PHONE_IN_JSON)),
      entry("crm_contact.title", text(Limits.TEXT)),
      entry("crm_contact.consent_source", text(Limits.TEXT)),
      entry("crm_contact.owner", text(Limits.TEXT)),
      entry("crm_contact_email.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_contact_email.email_normalized", ascii(Limits.EMAIL)),
      entry("crm_contact_email.address", ascii(Limits.EMAIL)),
      entry("crm_opportunity.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_opportunity.name", text(Limits.TEXT)),
      entry("crm_opportunity.currency", ascii(3)),
      entry("crm_opportunity.stage", text(Limits.STAGE_NAME)),
      entry("crm_opportunity.forecast_category", ascii(longest(ForecastCategory.values()))),
      entry("crm_opportunity.status", ascii(longest(OpportunityStatus.values()))),
      entry("crm_opportunity.lost_reason", ascii(Limits.CODE)),
      entry("crm_opportunity.source", ascii(Limits.CODE)),
      entry("crm_opportunity.owner", text(Limits.TEXT)),
      // each change: two stage names and an instant, with names and punctuation
      entry("crm_opportunity.history", json((long) Limits.STAGE_CHANGES * (2L * Limits.STAGE_NAME + 80))),
      // the stage of the last history entry, and the ended visits (schema version 7)
      entry("crm_opportunity.visit_stage", text(Limits.STAGE_NAME)),
      entry("crm_stage_visit.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_stage_visit.stage", text(Limits.STAGE_NAME)),
      entry("crm_stage_visit.next_stage", text(Limits.STAGE_NAME)),
      entry("crm_case.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_case.subject", text(Limits.TEXT)),
      entry("crm_case.description", text(Limits.CASE_DESCRIPTION)),
      entry("crm_case.priority", ascii(longest(CasePriority.values()))),
      entry("crm_case.status", ascii(longest(CaseStatus.values()))),
      entry("crm_case.owner", text(Limits.TEXT)),
      entry("crm_case.resolution", text(Limits.CASE_RESOLUTION)),
      entry("crm_feedback.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_feedback.scale", ascii(longest(FeedbackScale.values()))),
      entry("crm_feedback.comment_text", text(Limits.FEEDBACK_COMMENT)),
      entry("crm_feedback.channel", ascii(Limits.CODE)),
      entry("crm_feedback.survey", text(Limits.TEXT)),
      entry("crm_outbox.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_outbox.aggregate_type", ascii(20)),
      entry("crm_outbox.event_type", ascii(60)),
      // the largest event (a lead captured, with every text at its limit) is far below this
      entry("crm_outbox.payload", json(100_000)),
      entry("crm_merge.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_merge.kind", ascii(7)),
      // a merge of 50 contacts with every address and text at its limit stays below this
      entry("crm_merge.body", json(1_000_000)),
      // one small object per moved row: a contact with years of history moves tens of thousands
      entry("crm_merge.moves", json(1_000_000)),
      entry("crm_mail.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_mail.message_id", text(250)),
      entry("crm_mail.subject_key", text(Limits.TEXT)),
      entry("crm_mail.direction", ascii(8)),
      // a message at every limit: 1,000 addresses with names, 1,000 attachments, 100,000 characters of text
      entry("crm_mail.body", json(2_000_000)),
      entry("crm_mail_suppression.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_mail_suppression.address", ascii(Limits.EMAIL)),
      entry("crm_mail_suppression.reason", ascii(longest(dev.rapport.crm.mail.MailSuppression.Reason.values()))),
      entry("crm_mail_suppression.detail", text(Limits.TEXT)),
      entry("crm_erasure_marker.tenant_id", ascii(Limits.TENANT_ID)),
      // SHA-256 in hex
      entry("crm_erasure_marker.key_hash", ascii(64)),
      entry("crm_audit.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_audit.actor", text(Limits.TEXT)),
      entry("crm_audit.record_type", ascii(50)),
      entry("crm_audit.action", ascii(100)),
      // field names and values of up to 1,000 characters each, as JSON
      entry("crm_audit.changes", json(100_000)),
      entry("crm_merged.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_merged.external_reference", text(Limits.TEXT)),
      entry("crm_campaign.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_campaign.name", text(Limits.TEXT)),
      entry("crm_campaign.channel", ascii(Limits.CODE)),
      entry("crm_campaign.status", ascii(longest(dev.rapport.crm.campaign.CampaignStatus.values()))),
      entry("crm_campaign.currency", ascii(3)),
      entry("crm_campaign_member.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_campaign_member.status", ascii(Limits.CODE)),
      entry("crm_campaign_member.status_signal", ascii(Limits.CODE)),
      entry("crm_campaign_member.status_signal_intent", ascii(longest(dev.rapport.crm.lead.SignalType.Intent.values()))),
      entry("crm_activity.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_activity.type", ascii(Limits.CODE)),
      entry("crm_activity.subject", text(Limits.TEXT)),
      entry("crm_activity.body", text(Limits.ACTIVITY_BODY)),
      entry("crm_activity.direction", ascii(longest(Direction.values()))),
      entry("crm_activity.outcome", ascii(Limits.CODE)),
      entry("crm_activity.owner", text(Limits.TEXT)),
      entry("crm_task.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_task.subject", text(Limits.TEXT)),
      entry("crm_task.description", text(Limits.ACTIVITY_BODY)),
      entry("crm_task.priority", ascii(longest(Priority.values()))),
      entry("crm_task.owner", text(Limits.TEXT)),
      entry("crm_task.status", ascii(longest(TaskStatus.values()))),
      entry("crm_timeline_entry.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_timeline_entry.kind", ascii(longest(TimelineItem.Kind.values()))),
      // the simple name of an event class
      entry("crm_timeline_entry.event_type", ascii(2L * Limits.CODE)),
      entry("crm_timeline_entry.summary", text(Limits.TIMELINE_SUMMARY)),
      entry("crm_sale.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_sale.reference", text(Limits.TEXT)),
      entry("crm_sale.corrects", text(Limits.TEXT)),
      entry("crm_sale.currency", ascii(3)),
      entry("crm_sale_line.tenant_id", ascii(Limits.TENANT_ID)),
      // a product code is the host's own text (SaleLine: up to Limits.CODE code points, not a code of the vocabulary)
      entry("crm_sale_line.product_code", text(Limits.CODE)),
      entry("crm_sale_line.description", text(Limits.TEXT)),
      entry("crm_payment.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_payment.reference", text(Limits.TEXT)),
      entry("crm_payment.currency", ascii(3)),
      entry("crm_payment_allocation.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_payment_allocation.sale_reference", text(Limits.TEXT)),
      entry("crm_payer_class.tenant_id", ascii(Limits.TENANT_ID)),
      entry("crm_payer_class.payer_class", ascii(longest(dev.rapport.crm.sales.PayerClass.values())))));

  @ParameterizedTest
  @EnumSource(names = {"H2", "POSTGRES"})
  void everyTextColumnHoldsTheLongestValueTheCoreAccepts(Database database) throws SQLException {
    check(database);
  }

  @Test
  @Tag("databases")
  void everyTextColumnOnMariaDbHoldsTheLongestValueTheCoreAccepts() throws SQLException {
    check(Database.MARIADB);
  }

  private static void check(Database database) throws SQLException {
    DataSource ds = database.fresh("limits", Map.of());
    Map<String, Long> widths = new TreeMap<>();
    try (Connection c = ds.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      String schema = database == Database.H2 ? "PUBLIC" : database == Database.MARIADB ? null : "public";
      try (ResultSet rs = meta.getColumns(c.getCatalog(), schema, "%", "%")) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          int type = rs.getInt("DATA_TYPE");
          if (table.startsWith("crm_") && TEXT_TYPES.contains(type)) {
            widths.put(table + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getLong("COLUMN_SIZE"));
          }
        }
      }
    }
    assertThat(widths.keySet()).as("the text columns of %s (list a new one in COLUMNS)", database)
        .containsExactlyInAnyOrderElementsOf(COLUMNS.keySet());
    widths.forEach((column, width) -> {
      Need need = COLUMNS.get(column);
      assertThat(width).as("%s on %s must hold %s %s units", column, database, need.width(database), need.unit())
          .isGreaterThanOrEqualTo(need.width(database));
    });
  }

  private static final Set<Integer> TEXT_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR,
      Types.CLOB, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);
}
