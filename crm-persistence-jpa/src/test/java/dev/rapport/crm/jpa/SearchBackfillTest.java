package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.search.SearchHit;
import dev.rapport.crm.search.SearchQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database migrated to schema version 15 holds rows without search text: a search does not find
 * them until {@code crm.search().indexStoredRecords} has given them theirs, batch by batch, without
 * changing a record's version; then it finds them as if they had been written since.
 */
class SearchBackfillTest {

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void rowsStoredBeforeSearchAreFoundOnceIndexedAndKeepTheirVersions(Target target) throws SQLException {
    check(target);
  }

  /** The same on the external databases (the {@code databases} profile). */
  @Nested
  @Tag("databases")
  class OnExternalDatabases {
    @ParameterizedTest
    @EnumSource(names = {"EXTERNAL_POSTGRES_HIBERNATE", "EXTERNAL_POSTGRES_ECLIPSELINK", "MARIADB_HIBERNATE",
        "MARIADB_ECLIPSELINK"})
    void rowsStoredBeforeSearchAreFoundOnceIndexedAndKeepTheirVersions(Target target) throws SQLException {
      check(target);
    }
  }

  private static void check(Target target) throws SQLException {
    String tenant = "backfill-" + UUID.randomUUID();
    Crm crm = Crm.builder().persistence(target.persistence()).tenant(tenant)
        .clock(TestClock.at(Instant.parse("2025-03-03T09:00:00Z"))).build();
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      leads.add(crm.leads().capture(NewLead.builder(PersonName.of("Greta", "Lindqvist " + i), LeadSource.WEBINAR)
          .company("Lindqvist Bygg").build()));
    }
    Contact contact = crm.contacts().create(NewContact.builder(PersonName.of("Greta", "Lindqvist"))
        .email("greta@lindqvist.example").build());
    Account account = crm.accounts().create(NewAccount.builder("Lindqvist Bygg AB").domain("lindqvist.example").build());
    SearchQuery query = SearchQuery.of("lindqvist");
    assertThat(crm.search().search(query, PageRequest.first(20)).items()).hasSize(5);

    // as a database migrated from version 14 holds them
    DataSource ds = target.store().dataSource();
    try (Connection c = ds.getConnection()) {
      for (String sql : List.of(
          "update crm_lead set search_name = null, search_company = null, search_email = null, search_phone = null"
              + " where tenant_id = ?",
          "update crm_contact set search_name = null, search_email = null, search_phone = null where tenant_id = ?",
          "update crm_account set search_name = null, search_domain = null, search_reference = null where tenant_id = ?")) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, tenant);
          ps.executeUpdate();
        }
      }
    }
    assertThat(crm.search().search(query, PageRequest.first(20)).items()).isEmpty();

    assertThat(crm.search().indexStoredRecords(2)).isEqualTo(2);
    assertThat(crm.search().indexStoredRecords(2)).isEqualTo(2);
    assertThat(crm.search().indexStoredRecords(2)).isEqualTo(1);
    assertThat(crm.search().indexStoredRecords(2)).isZero();

    List<SearchHit> hits = crm.search().search(query, PageRequest.first(20)).items();
    assertThat(hits).extracting(SearchHit::label).containsExactly("Greta Lindqvist 0", "Greta Lindqvist 1",
        "Greta Lindqvist 2", "Greta Lindqvist", "Lindqvist Bygg AB");
    assertThat(crm.leads().get(leads.get(0).id()).version()).isEqualTo(leads.get(0).version());
    assertThat(crm.contacts().get(contact.id()).version()).isEqualTo(contact.version());
    assertThat(crm.accounts().get(account.id()).version()).isEqualTo(account.version());
    // and a record changed afterwards is kept up to date as usual
    crm.accounts().rename(account.id(), "Lindqvist & Söner");
    assertThat(crm.search().search(SearchQuery.of("soner"), PageRequest.first(5)).items())
        .extracting(SearchHit::label).containsExactly("Lindqvist & Söner");
  }
}
