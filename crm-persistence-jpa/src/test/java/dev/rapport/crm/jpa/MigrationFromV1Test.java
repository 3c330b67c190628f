package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.opportunity.ForecastCategory;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.analytics.AnalyticsFigures;
import dev.rapport.crm.analytics.AnalyticsRepository;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A host that installed the first release has data in version 1 of the schema: Flyway migrates
 * it to the current version, and every record reads back as it was, with both providers. The rows
 * are written with plain SQL in the first release's formats (JSON columns as that release wrote
 * them), since today's entities map today's tables.
 */
class MigrationFromV1Test {
  private static final TenantId TENANT = TenantId.of("since-v1");
  private static final UUID LEAD = UUID.fromString("01890f5e-0000-7000-8000-000000000001");
  private static final UUID ACCOUNT = UUID.fromString("01890f5e-0000-7000-8000-000000000002");
  private static final UUID CONTACT = UUID.fromString("01890f5e-0000-7000-8000-000000000003");
  private static final UUID OPPORTUNITY = UUID.fromString("01890f5e-0000-7000-8000-000000000004");
  private static final LocalDateTime CREATED = LocalDateTime.of(2025, 3, 30, 2, 30, 0, 123_456_000);
  private static final LocalDateTime CONVERTED = LocalDateTime.of(2025, 4, 2, 9, 15);
  private static final Instant CREATED_AT = CREATED.toInstant(ZoneOffset.UTC);
  private static final Instant CONVERTED_AT = CONVERTED.toInstant(ZoneOffset.UTC);

  @ParameterizedTest
  @EnumSource(names = {"H2", "POSTGRES"})
  void dataStoredInVersionOneReadsBackAfterMigratingToTheCurrentVersion(Database database) throws SQLException {
    migrateAndRead(database);
  }

  @ParameterizedTest
  @EnumSource(names = {"MARIADB", "EXTERNAL_POSTGRES"})
  @Tag("databases")
  void dataStoredInVersionOneReadsBackAfterMigratingToTheCurrentVersionOnTheServers(Database database)
      throws SQLException {
    migrateAndRead(database);
  }

  private void migrateAndRead(Database database) throws SQLException {
    DataSource ds = database.empty("since_v1", Map.of());
    String location = "classpath:db/rapport/" + database.scriptFolder();
    Flyway.configure().dataSource(ds).locations(location).target("1").load().migrate();
    writeVersionOneRows(ds, database == Database.POSTGRES || database == Database.EXTERNAL_POSTGRES);

    MigrateResult result = Flyway.configure().dataSource(ds).locations(location).load().migrate();
    assertThat(result.targetSchemaVersion) // the last script's version (versions may skip a number)
        .isEqualTo(Database.SCRIPTS.get(Database.SCRIPTS.size() - 1).replaceFirst("^V(\\d+)__.*", "$1"));

    for (Provider provider : Provider.values()) {
      EntityManagerFactory factory = provider.factory(ds);
      try {
        JpaPersistence store = JpaPersistence.create(factory);
        Crm crm = Crm.builder().persistence(store).tenant(TENANT).build();
        assertRecordsAsWritten(crm);
        assertAnalyticsBackfilled(store, crm, database);
      } finally {
        factory.close();
      }
    }
  }

  private static void writeVersionOneRows(DataSource ds, boolean postgres) throws SQLException {
    String id = postgres ? "cast(? as uuid)" : "?";
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(true);
      insert(c, "insert into crm_lead (id, tenant_id, version, given_name, family_name, email,"
          + " email_normalized, phone, company, title, source, source_detail, status,"
          + " disqualification_reason, signals, temperature, temperature_override, owner, score,"
          + " created_at, updated_at, converted_contact_id, converted_account_id,"
          + " converted_opportunity_id, converted_at) values (" + id + ", ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + id + ", " + id + ", " + id + ", ?)",
          LEAD.toString(), TENANT.value(), 4L, "Ada", "Lovelace", "Ada@Analytical.example",
          "ada@analytical.example", "+442071234567", "Analytical Engines", "Countess", "webinar",
          "{\"campaign\":\"spring\",\"utmSource\":\"news\",\"utmMedium\":null,\"utmCampaign\":null}",
          "CONVERTED", null,
          "[{\"type\":\"demo_request\",\"intent\":\"BUYING\",\"at\":\"2025-03-31T10:00:00Z\",\"detail\":\"Zoom \\\"call\\\" ü\"}]",
          "HOT", null, "ada-owner", 70, CREATED, CONVERTED, CONTACT.toString(), ACCOUNT.toString(),
          OPPORTUNITY.toString(), CONVERTED);
      insert(c, "insert into crm_account (id, tenant_id, version, name, name_key, domain,"
          + " external_reference, industry, owner, created_at, updated_at) values (" + id
          + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          ACCOUNT.toString(), TENANT.value(), 1L, "Analytical Engines", "analytical engines",
          "analytical.example", "CUST-1", "Food & Beverage (Ü-Wholesale)", "ada-owner", CONVERTED, CONVERTED);
      insert(c, "insert into crm_contact (id, tenant_id, version, given_name, family_name,"
          + " account_id, phones, title, consent_granted, consent_recorded_at, consent_source,"
          + " origin_lead_id, owner, created_at, updated_at) values (" + id + ", ?, ?, ?, ?, " + id
          + ", ?, ?, ?, ?, ?, " + id + ", ?, ?, ?)",
          CONTACT.toString(), TENANT.value(), 1L, "Ada", "Lovelace", ACCOUNT.toString(),
          "[\"+442071234567\"]", "Countess", true, CONVERTED, "webinar form", LEAD.toString(),
          "ada-owner", CONVERTED, CONVERTED);
      insert(c, "insert into crm_contact_email (tenant_id, contact_id, email_normalized, address,"
          + " list_index) values (?, " + id + ", ?, ?, ?)",
          TENANT.value(), CONTACT.toString(), "ada@analytical.example", "Ada@Analytical.example", 0);
      insert(c, "insert into crm_opportunity (id, tenant_id, version, name, account_id,"
          + " primary_contact_id, amount, currency, stage, probability, probability_overridden,"
          + " forecast_category, expected_close_date, status, lost_reason, source, origin_lead_id,"
          + " owner, history, created_at, updated_at, closed_at) values (" + id + ", ?, ?, ?, " + id
          + ", " + id + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + id + ", ?, ?, ?, ?, ?)",
          OPPORTUNITY.toString(), TENANT.value(), 2L, "Engine licence", ACCOUNT.toString(),
          CONTACT.toString(), new BigDecimal("12500.5000"), "EUR", "Proposal", 50, false,
          "BEST_CASE", LocalDate.of(2025, 6, 30), "OPEN", null, "webinar", LEAD.toString(),
          "ada-owner",
          "[{\"from\":null,\"to\":\"Qualification\",\"at\":\"2025-04-02T09:15:00Z\"},"
              + "{\"from\":\"Qualification\",\"to\":\"Proposal\",\"at\":\"2025-04-10T08:00:00Z\"}]",
          CONVERTED, CONVERTED, null);
    }
  }

  private static void insert(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }

  /**
   * Version 7 fills in what the analytics group by: the lead's days to conversion, the visit going
   * on and (but on H2, which has no JSON table function) the ended visits of the stage history.
   */
  private static void assertAnalyticsBackfilled(JpaPersistence store, Crm crm, Database database) {
    Lead lead = crm.leads().get(LeadId.of(LEAD));
    Opportunity opportunity = crm.opportunities().get(OpportunityId.of(OPPORTUNITY));
    AnalyticsRepository.Scope all = new AnalyticsRepository.Scope(Instant.parse("2000-01-01T00:00:00Z"),
        Instant.parse("2100-01-01T00:00:00Z"), Optional.empty(), Optional.empty(), Optional.empty());
    List<AnalyticsRepository.ConversionDays> days = store.inUnitOfWork(TENANT, uow -> uow.port(AnalyticsRepository.class).conversionDays(all));
    assertThat(days).containsExactlyElementsOf(AnalyticsFigures.conversionDays(List.of(lead), all))
        .extracting(AnalyticsRepository.ConversionDays::days).containsExactly(3L);
    List<AnalyticsRepository.StageVisits> expected = AnalyticsFigures.stageVisits(List.of(opportunity),
        id -> Optional.of(lead), all);
    assertThat(expected).hasSize(2);
    List<AnalyticsRepository.StageVisits> visits = store.inUnitOfWork(TENANT, uow -> uow.port(AnalyticsRepository.class).stageVisits(all));
    if (database == Database.H2) {
      assertThat(visits).containsExactlyElementsOf(expected.stream().filter(v -> v.next().isEmpty()).toList());
    } else {
      assertThat(visits).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static void assertRecordsAsWritten(Crm crm) {
    Lead lead = crm.leads().get(LeadId.of(LEAD));
    assertThat(lead.version()).isEqualTo(4);
    assertThat(lead.name()).isEqualTo(PersonName.of("Ada", "Lovelace"));
    assertThat(lead.email().orElseThrow().address()).isEqualTo("Ada@Analytical.example");
    assertThat(lead.phone().orElseThrow().e164()).isEqualTo("+442071234567");
    assertThat(lead.source()).isEqualTo(LeadSource.WEBINAR);
    assertThat(lead.sourceDetail().orElseThrow().campaign()).contains("spring");
    assertThat(lead.sourceDetail().orElseThrow().utmSource()).contains("news");
    assertThat(lead.status()).isEqualTo(LeadStatus.CONVERTED);
    assertThat(lead.signals()).singleElement().satisfies(s -> {
      assertThat(s.type()).isEqualTo(SignalType.DEMO_REQUEST);
      assertThat(s.occurredAt()).isEqualTo(Instant.parse("2025-03-31T10:00:00Z"));
      assertThat(s.detail()).contains("Zoom \"call\" ü");
    });
    assertThat(lead.temperature()).isEqualTo(Temperature.HOT);
    assertThat(lead.score()).isEqualTo(70);
    assertThat(lead.createdAt()).isEqualTo(CREATED_AT);
    assertThat(lead.convertedTo().orElseThrow().contactId()).isEqualTo(ContactId.of(CONTACT));
    assertThat(lead.convertedTo().orElseThrow().opportunityId()).contains(OpportunityId.of(OPPORTUNITY));
    assertThat(lead.convertedTo().orElseThrow().convertedAt()).isEqualTo(CONVERTED_AT);

    Account account = crm.accounts().get(AccountId.of(ACCOUNT));
    assertThat(account.name()).isEqualTo("Analytical Engines");
    assertThat(account.domain()).contains("analytical.example");
    assertThat(account.externalReference()).contains("CUST-1");
    // free text before version 16: read as the code it makes
    assertThat(account.industry()).contains(dev.rapport.crm.common.Industry.of("food_and_beverage_u_wholesale"));
    assertThat(lead.industry()).isEmpty();

    Contact contact = crm.contacts().get(ContactId.of(CONTACT));
    assertThat(contact.emails()).extracting(e -> e.address()).containsExactly("Ada@Analytical.example");
    assertThat(contact.phones()).extracting(p -> p.e164()).containsExactly("+442071234567");
    assertThat(contact.marketingConsent().orElseThrow().granted()).isTrue();
    assertThat(contact.originLead()).contains(LeadId.of(LEAD));
    assertThat(contact.accountId()).contains(AccountId.of(ACCOUNT));

    Opportunity opportunity = crm.opportunities().get(OpportunityId.of(OPPORTUNITY));
    assertThat(opportunity.version()).isEqualTo(2);
    assertThat(opportunity.amount()).isEqualTo(Money.of("12500.50", "EUR"));
    assertThat(opportunity.stage()).isEqualTo("Proposal");
    assertThat(opportunity.forecastCategory()).isEqualTo(ForecastCategory.BEST_CASE);
    assertThat(opportunity.status()).isEqualTo(OpportunityStatus.OPEN);
    assertThat(opportunity.expectedCloseDate()).contains(LocalDate.of(2025, 6, 30));
    assertThat(opportunity.history()).hasSize(2);
    assertThat(opportunity.history().get(1).from()).contains("Qualification");
    assertThat(opportunity.history().get(1).at()).isEqualTo(Instant.parse("2025-04-10T08:00:00Z"));
    assertThat(opportunity.originLead()).contains(LeadId.of(LEAD));
  }
}
