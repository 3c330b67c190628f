package dev.rapport.crm.jpa;

import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.lead.LeadRepository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.spi.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keyset paging and lookups: pages follow the ids in the order the domain compares them
 * (unsigned, as the 128 bits of a UUID), and on PostgreSQL the generated page queries walk an
 * index instead of sorting, and lookups by e-mail use the e-mail indexes.
 */
class KeysetPagingTest {
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

  private static Lead lead(TenantId tenant, UUID id, LeadStatus status) {
    return new Lead(LeadId.of(id), tenant, 0, PersonName.of("Paged"), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), LeadSource.WEBINAR, Optional.empty(),
        status, Optional.empty(), List.of(), Temperature.COLD, Optional.empty(), Optional.empty(),
        0, NOW, NOW, Optional.empty());
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void pagesFollowTheIdsComparedAsUnsignedBitsAsTheDomainComparesThem(Target target) {
    TenantId tenant = TenantId.of("keyset-" + UUID.randomUUID());
    List<UUID> ids = List.of(UUID.fromString("00000000-0000-7000-8000-000000000001"),
        UUID.fromString("7fffffff-ffff-7fff-bfff-ffffffffffff"),
        UUID.fromString("80000000-0000-7000-8000-000000000000"),
        UUID.fromString("ffffffff-ffff-7fff-bfff-ffffffffffff"),
        UUID.fromString("01a20890-de8d-7000-83c1-77c1a2e99e22"),
        UUID.fromString("c1a20890-de8d-7000-83c1-77c1a2e99e22"));
    target.persistence().inUnitOfWork(tenant, uow -> {
      ids.forEach(id -> uow.port(LeadRepository.class).insert(lead(tenant, id, LeadStatus.NEW)));
      return null;
    });
    List<LeadId> expected = ids.stream().map(LeadId::of).sorted().toList();

    List<LeadId> paged = new ArrayList<>();
    Optional<PageRequest> next = Optional.of(PageRequest.first(2));
    while (next.isPresent()) {
      PageRequest request = next.get();
      Page<Lead> page = target.persistence().inUnitOfWork(tenant, uow -> uow.port(LeadRepository.class).query(LeadQuery.all(), request));
      page.items().forEach(l -> paged.add(l.id()));
      next = request.next(page);
    }

    assertThat(paged).containsExactlyElementsOf(expected);
    assertThat(expected).isSortedAccordingTo(Comparator.naturalOrder());
  }

  @ParameterizedTest
  @EnumSource(names = {"POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void onPostgresqlTheGeneratedPageQueriesWalkTheKeyAndTheStatusIndex(Target target) throws SQLException {
    TenantId tenant = TenantId.of("plan-" + UUID.randomUUID());
    for (int batch = 0; batch < 4; batch++) {
      target.persistence().inUnitOfWork(tenant, uow -> {
        for (int i = 0; i < 500; i++) {
          uow.port(LeadRepository.class).insert(lead(tenant, Fixtures.uuid(), i % 5 == 0 ? LeadStatus.QUALIFIED : LeadStatus.NEW));
        }
        return null;
      });
    }
    try (Connection c = target.store().dataSource().target().getConnection(); Statement s = c.createStatement()) {
      s.execute("analyze crm_lead");
    }
    Page<Lead> first = target.persistence().inUnitOfWork(tenant, uow -> uow.port(LeadRepository.class).query(LeadQuery.all(), PageRequest.first(50)));

    // the index gives the rows in id order: walked from the cursor, no sort
    assertThat(plan(target, tenant, LeadQuery.all(), PageRequest.first(50).next(first).orElseThrow()))
        .contains("Index Scan using crm_lead_pk").doesNotContain("Sort");
    assertThat(plan(target, tenant, LeadQuery.all().withStatuses(Set.of(LeadStatus.QUALIFIED)),
        PageRequest.first(50).next(first).orElseThrow()))
        .contains("Index Scan using crm_lead_status_idx").doesNotContain("Sort");
  }

  @ParameterizedTest
  @EnumSource(names = {"POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void onPostgresqlLookupsByEmailWalkTheEmailIndexes(Target target) throws SQLException {
    TenantId tenant = TenantId.of("plan-" + UUID.randomUUID());
    target.persistence().inUnitOfWork(tenant, uow -> {
      for (int i = 0; i < 1000; i++) {
        Lead l = lead(tenant, Fixtures.uuid(), LeadStatus.NEW);
        uow.port(LeadRepository.class).insert(new Lead(l.id(), tenant, 0, l.name(),
            Optional.of(EmailAddress.of("lead" + i + "@plan.example")), l.phone(), l.company(),
            l.title(), l.source(), l.sourceDetail(), l.status(), l.disqualificationReason(),
            l.signals(), l.temperature(), l.temperatureOverride(), l.owner(), l.score(),
            l.createdAt(), l.updatedAt(), l.convertedTo()));
        uow.port(ContactRepository.class).insert(new Contact(ContactId.of(Fixtures.uuid()), tenant, 0, PersonName.of("C" + i),
            Optional.empty(), List.of(EmailAddress.of("c" + i + "@plan.example"), EmailAddress.of("alt" + i + "@plan.example")),
            List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), NOW, NOW, dev.rapport.crm.field.CustomFields.empty()));
      }
      return null;
    });
    try (Connection c = target.store().dataSource().target().getConnection(); Statement s = c.createStatement()) {
      s.execute("analyze crm_lead");
      s.execute("analyze crm_contact");
      s.execute("analyze crm_contact_email");
    }
    EmailAddress email = EmailAddress.of("C500@plan.example");

    assertThat(plan(target, tenant, "from crm_lead", uow -> uow.port(LeadRepository.class).findByEmail(email)))
        .contains("crm_lead_email_idx");
    assertThat(plan(target, tenant, "from crm_contact", uow -> uow.port(ContactRepository.class).findByEmail(email)))
        .contains("crm_contact_email_idx");
  }

  /** The same order on the external servers, with {@code -Pdatabases}. */
  @Nested
  @Tag("databases")
  class OnExternalServers {
    @ParameterizedTest
    @EnumSource(names = {"EXTERNAL_POSTGRES_HIBERNATE", "EXTERNAL_POSTGRES_ECLIPSELINK", "MARIADB_HIBERNATE", "MARIADB_ECLIPSELINK"})
    void unsignedOrder(Target target) {
      pagesFollowTheIdsComparedAsUnsignedBitsAsTheDomainComparesThem(target);
    }
  }

  /** The PostgreSQL plan of the statement the provider generated for the page query. */
  private static String plan(Target target, TenantId tenant, LeadQuery query, PageRequest request)
      throws SQLException {
    return plan(target, tenant, "from crm_lead", uow -> uow.port(LeadRepository.class).query(query, request));
  }

  /** The PostgreSQL plan of the first statement of {@code work} whose SQL contains {@code from}. */
  private static String plan(Target target, TenantId tenant, String from, Function<UnitOfWork, ?> work)
      throws SQLException {
    CountingDataSource ds = target.store().dataSource();
    ds.reset();
    target.persistence().inUnitOfWork(tenant, work);
    CountingDataSource.Executed select = ds.executed().stream()
        .filter(e -> e.sql().toLowerCase().contains(from)).findFirst().orElseThrow();
    try (Connection c = ds.target().getConnection()) {
      try (Statement s = c.createStatement()) {
        // as on a big table: no scan of the whole table, no bitmap of all matching rows
        s.execute("set enable_seqscan = off");
        s.execute("set enable_bitmapscan = off");
      }
      StringBuilder plan = new StringBuilder();
      try (PreparedStatement p = c.prepareStatement("explain " + select.sql())) {
        for (Map.Entry<Integer, Object> param : select.parameters().entrySet()) {
          p.setObject(param.getKey(), param.getValue());
        }
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("reset enable_seqscan");
        s.execute("reset enable_bitmapscan");
      }
      return plan.toString();
    }
  }

  /** Time-ordered ids, as the domain makes them. */
  static final class Fixtures {
    private static long sequence;

    static synchronized UUID uuid() {
      long millis = System.currentTimeMillis();
      long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (++sequence & 0xFFF);
      return new UUID(msb, UUID.randomUUID().getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L);
    }
  }
}
