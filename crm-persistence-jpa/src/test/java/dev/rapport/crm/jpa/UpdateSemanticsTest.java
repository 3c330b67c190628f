package dev.rapport.crm.jpa;

import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.lead.LeadRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.spi.Versions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Versions count stored updates exactly, also where JPA alone would not write: an update that
 * changes nothing, several updates of one record in one unit of work, and a contact whose only
 * change is in its e-mail rows.
 */
class UpdateSemanticsTest {
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

  private static Lead lead(TenantId tenant) {
    return new Lead(LeadId.of(KeysetPagingTest.Fixtures.uuid()), tenant, 0, PersonName.of("Same"),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), LeadSource.WEBINAR,
        Optional.empty(), LeadStatus.NEW, Optional.empty(), List.of(), Temperature.COLD,
        Optional.empty(), Optional.empty(), 0, NOW, NOW, Optional.empty());
  }

  private static Contact contact(TenantId tenant, List<EmailAddress> emails) {
    return new Contact(ContactId.of(KeysetPagingTest.Fixtures.uuid()), tenant, 0, PersonName.of("Mail"),
        Optional.empty(), emails, List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), NOW, NOW, dev.rapport.crm.field.CustomFields.empty());
  }

  private static TenantId tenant() {
    return TenantId.of("update-" + UUID.randomUUID());
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void anUpdateThatChangesNothingStillStoresTheNextVersionAndGuardsTheOldOne(Target target) {
    TenantId tenant = tenant();
    Persistence p = target.persistence();
    Lead v1 = p.inUnitOfWork(tenant, uow -> uow.port(LeadRepository.class).insert(lead(tenant)));
    Lead v2 = p.inUnitOfWork(tenant, uow -> uow.port(LeadRepository.class).update(v1));
    assertThat(v2.version()).isEqualTo(2);
    assertThat(p.<Optional<Lead>>inUnitOfWork(tenant, uow -> uow.port(LeadRepository.class).find(v1.id()))).contains(v2);
    assertThatThrownBy(() -> p.inUnitOfWork(tenant, uow -> uow.port(LeadRepository.class).update(v1)))
        .isInstanceOf(ConcurrentUpdateException.class);
    // unchanged, then changed, in one unit of work
    Lead v4 = p.inUnitOfWork(tenant, uow -> {
      Lead read = uow.port(LeadRepository.class).find(v1.id()).orElseThrow();
      Lead v3 = uow.port(LeadRepository.class).update(read);
      assertThat(uow.port(LeadRepository.class).find(v1.id())).contains(v3);
      return uow.port(LeadRepository.class).update(v3.withScore(7, NOW));
    });
    assertThat(v4.version()).isEqualTo(4);
    assertThat(p.<Optional<Lead>>inUnitOfWork(tenant, uow -> uow.port(LeadRepository.class).find(v1.id()))).contains(v4);
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void threeUpdatesOfOneRecordInOneUnitOfWorkStoreThreeVersionsAndEachReadSeesTheLast(Target target) {
    TenantId tenant = tenant();
    Persistence p = target.persistence();
    Lead v1 = p.inUnitOfWork(tenant, uow -> uow.port(LeadRepository.class).insert(lead(tenant)));
    Lead last = p.inUnitOfWork(tenant, uow -> {
      Lead v2 = uow.port(LeadRepository.class).update(v1.assignTo("ann", NOW));
      assertThat(uow.port(LeadRepository.class).find(v1.id())).contains(v2);
      Lead v3 = uow.port(LeadRepository.class).update(v2.withScore(3, NOW));
      assertThat(uow.port(LeadRepository.class).find(v1.id())).contains(v3);
      assertThatThrownBy(() -> uow.port(LeadRepository.class).update(v2.withScore(4, NOW)))
          .isInstanceOf(ConcurrentUpdateException.class);
      return uow.port(LeadRepository.class).update(v3.moveTo(LeadStatus.CONTACTED, NOW));
    });
    assertThat(last.version()).isEqualTo(4);
    assertThat(p.<Optional<Lead>>inUnitOfWork(tenant, uow -> uow.port(LeadRepository.class).find(v1.id()))).contains(last);
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void contactAddressesThatAreReorderedRecasedRemovedAndAddedAreStoredAsTheContactHasThem(Target target) {
    TenantId tenant = tenant();
    Persistence p = target.persistence();
    Contact c1 = p.inUnitOfWork(tenant, uow -> uow.port(ContactRepository.class).insert(contact(tenant,
        List.of(EmailAddress.of("a@one.example"), EmailAddress.of("b@two.example"), EmailAddress.of("c@three.example")))));
    Contact changed = new Contact(c1.id(), tenant, c1.version(), c1.name(), c1.accountId(),
        List.of(EmailAddress.of("C@Three.example"), EmailAddress.of("d@four.example"), EmailAddress.of("a@one.example")),
        c1.phones(), c1.title(), c1.marketingConsent(), c1.originLead(), c1.owner(), c1.createdAt(), c1.updatedAt(), c1.fields());

    Contact c2 = p.inUnitOfWork(tenant, uow -> uow.port(ContactRepository.class).update(changed));

    assertThat(c2.version()).isEqualTo(2);
    Contact stored = p.inUnitOfWork(tenant, uow -> uow.port(ContactRepository.class).find(c1.id())).orElseThrow();
    assertThat(stored).isEqualTo(c2);
    assertThat(stored.emails()).extracting(EmailAddress::address)
        .containsExactly("C@Three.example", "d@four.example", "a@one.example");
    assertThat(p.<List<Contact>>inUnitOfWork(tenant, uow -> uow.port(ContactRepository.class).findByEmail(EmailAddress.of("b@two.example")))).isEmpty();
    assertThat(p.<List<Contact>>inUnitOfWork(tenant, uow -> uow.port(ContactRepository.class).findByEmail(EmailAddress.of("D@FOUR.example"))))
        .containsExactly(c2);
  }

  @ParameterizedTest
  @EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void aTakenIdIsReportedAsADuplicateIdOfThatKind(Target target) {
    TenantId tenant = tenant();
    Persistence p = target.persistence();
    Lead stored = p.inUnitOfWork(tenant, uow -> uow.port(LeadRepository.class).insert(lead(tenant)));
    Lead again = Versions.of(Lead.class).with(stored, 0);
    assertThatThrownBy(() -> p.inUnitOfWork(tenant, uow -> uow.port(LeadRepository.class).insert(again)))
        .isInstanceOf(dev.rapport.crm.exception.DuplicateException.class)
        .hasMessage("lead id '" + stored.id() + "' is already taken");
  }
}
