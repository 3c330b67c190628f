package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.audit.AuditEntry;
import dev.rapport.crm.audit.FieldChange;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.LeadUpdate;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit trail on the adapter: every command writes who, when, which record and which fields
 * changed from what to what, in its own unit of work (a refused command writes nothing), read back
 * per record and per actor, paged and counted, exactly as written.
 */
public abstract class AuditContract extends ContractSupport {

  private static List<AuditEntry> all(java.util.function.Function<PageRequest, dev.rapport.crm.common.Page<AuditEntry>> page) {
    return StoreSnapshot.all(page, 2);
  }

  @Test
  public void everyCommandRecordsWhoWhenWhichRecordAndWhatChanged() {
    Crm ann = crm.as("ann");
    Crm bob = crm.as("bob");
    Lead lead = ann.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR)
        .email("ada@engines.example").build());
    clock.advance(java.time.Duration.ofMinutes(5));
    bob.leads().changeStatus(lead.id(), LeadStatus.CONTACTED);
    bob.leads().update(lead.id(), LeadUpdate.builder().email("ada@analytical.example").build());
    var account = ann.accounts().create(NewAccount.builder("Analytical Engines").build());
    Opportunity deal = bob.opportunities().open(account.id(), NewOpportunity.builder("Licence", Money.of("990.00", "EUR"))
        .build());
    bob.opportunities().moveToStage(deal.id(), crm.opportunities().pipeline().stages().get(1).name());

    List<AuditEntry> ofLead = all(p -> crm.audit().ofRecord(lead.id().value(), p));
    assertThat(ofLead).extracting(AuditEntry::actor).containsExactly("ann", "bob", "bob");
    assertThat(ofLead).allMatch(e -> e.recordType().equals("lead") && e.recordId().equals(lead.id().value())
        && e.tenantId().equals(crm.tenant()));
    assertThat(ofLead.get(0).action()).isEqualTo("LeadCaptured");
    assertThat(ofLead.get(0).at()).isEqualTo(START);
    assertThat(ofLead.get(1).action()).isEqualTo("LeadStatusChanged");
    assertThat(ofLead.get(1).at()).isEqualTo(START.plusSeconds(300));
    assertThat(ofLead.get(1).changes()).contains(new FieldChange("status", Optional.of("NEW"), Optional.of("CONTACTED")));
    assertThat(ofLead.get(2).changes()).contains(new FieldChange("email", Optional.of("ada@engines.example"),
        Optional.of("ada@analytical.example")));
    assertThat(crm.audit().countOfRecord(lead.id().value())).isEqualTo(3);

    List<AuditEntry> ofDeal = all(p -> crm.audit().ofRecord(deal.id().value(), p));
    assertThat(ofDeal).extracting(AuditEntry::action).containsExactly("OpportunityOpened", "OpportunityStageChanged");
    assertThat(ofDeal.get(1).changes()).extracting(FieldChange::field).contains("stage");

    assertThat(all(p -> crm.audit().byActor("bob", p))).extracting(AuditEntry::recordId)
        .containsExactly(lead.id().value(), lead.id().value(), deal.id().value(), deal.id().value());
    assertThat(crm.audit().countByActor("bob")).isEqualTo(4);
    assertThat(crm.audit().countByActor("ann")).isEqualTo(2);
    assertThat(crm.audit().countByActor("nobody")).isZero();
    assertThat(crm.actor()).isEqualTo("system");
    assertThat(ann.actor()).isEqualTo("ann");
  }

  @Test
  public void aRefusedCommandWritesNothingAndATrailSwitchedOffWritesNothing() {
    Crm ann = crm.as("ann");
    Lead lead = ann.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR).build());
    long before = crm.audit().countByActor("ann");

    assertThatThrownBy(() -> ann.leads().reopen(lead.id())).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> ann.leads().ifVersion(lead.version() + 1).changeStatus(lead.id(), LeadStatus.CONTACTED))
        .isInstanceOf(dev.rapport.crm.exception.ConcurrentUpdateException.class);
    assertThat(crm.audit().countByActor("ann")).isEqualTo(before);

    TenantId quiet = freshTenant();
    Crm off = Crm.builder().persistence(persistence).tenant(quiet).clock(clock).actor("importer").auditTrail(false).build();
    Lead unseen = off.leads().capture(NewLead.builder(PersonName.of("Grace", "Hopper"), LeadSource.REFERRAL).build());
    off.leads().changeStatus(unseen.id(), LeadStatus.CONTACTED);
    assertThat(off.audit().countOfRecord(unseen.id().value())).isZero();
    assertThat(off.audit().countByActor("importer")).isZero();
    Crm on = Crm.builder().persistence(persistence).tenant(quiet).clock(clock).actor("importer").build();
    on.leads().changeStatus(unseen.id(), LeadStatus.QUALIFIED);
    assertThat(on.audit().ofRecord(unseen.id().value(), PageRequest.first(10)).items()).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("importer"));
    // another tenant's trail is not this one's
    assertThat(crm.audit().countOfRecord(unseen.id().value())).isZero();
  }

  @Test
  public void badQueriesAndActorsAreRefused() {
    assertThatThrownBy(() -> crm.as(null)).isInstanceOf(ValidationException.class).hasMessageContaining("actor");
    assertThatThrownBy(() -> crm.as(" ")).isInstanceOf(ValidationException.class).hasMessageContaining("actor");
    assertThatThrownBy(() -> crm.as("x".repeat(201))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Crm.builder().actor("")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> crm.audit().ofRecord(null, PageRequest.first(10))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> crm.audit().ofRecord(UUID.randomUUID(), null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> crm.audit().byActor(null, PageRequest.first(10))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> crm.audit().countByActor("")).isInstanceOf(ValidationException.class);
    assertThat(crm.audit().ofRecord(UUID.randomUUID(), PageRequest.first(10)).items()).isEmpty();
  }
}
