package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.AccountCreated;
import dev.rapport.crm.contact.ContactCreated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.lead.LeadCaptured;
import dev.rapport.crm.lead.LeadConverted;
import dev.rapport.crm.lead.LeadStatusChanged;
import dev.rapport.crm.opportunity.OpportunityOpened;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.opportunity.NewOpportunity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Events reach listeners after their unit of work committed, in order, and only then. */
public abstract class EventDeliveryContract extends ContractSupport {

  @Test
  public void aListenerSeesTheCommittedStateWhenItReceivesAnEvent() {
    List<Optional<Lead>> seen = new CopyOnWriteArrayList<>();
    Crm[] holder = new Crm[1];
    holder[0] = Crm.builder().persistence(persistence).tenant(tenant).clock(clock)
        .listener(e -> {
          if (e instanceof LeadCaptured c) {
            seen.add(holder[0].leads().find(c.leadId())); // a new unit of work: sees only committed data
          }
        }).build();
    Lead lead = holder[0].leads().capture(NewLead.builder(PersonName.of("Ev", "Ent"), LeadSource.WEBINAR).build());
    assertThat(seen).containsExactly(Optional.of(lead));
  }

  @Test
  public void aConversionDeliversItsEventsInTheOrderTheyWereRaised() {
    Lead l = crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR)
        .email("ada@analytical.example").build());
    crm.leads().changeStatus(l.id(), LeadStatus.QUALIFIED);
    events.clear();
    crm.leads().convert(l.id(), Conversion.standard()
        .withOpportunity(NewOpportunity.builder("Deal", Money.of("5.00", "EUR")).build()));
    assertThat(events).extracting(e -> (Object) e.getClass()).containsExactly(AccountCreated.class,
        ContactCreated.class, OpportunityOpened.class, LeadStatusChanged.class, LeadConverted.class);
    assertThat(events).allMatch(e -> e.tenantId().equals(tenant));
  }

  @Test
  public void aBulkCaptureStoresEveryLeadInOneUnitOfWorkAndDeliversOneEventEach() {
    List<NewLead> drafts = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      drafts.add(NewLead.builder(PersonName.of("Imported " + i), LeadSource.PURCHASED_LIST)
          .email("imported" + i + "@list.example").build());
    }
    List<Lead> stored = crm.leads().captureAll(drafts);
    assertThat(stored).hasSize(120).allMatch(l -> l.version() == 1);
    assertThat(stored).extracting(l -> l.name().fullName()).startsWith("Imported 0", "Imported 1");
    assertThat(crm.leads().findByEmail("IMPORTED119@list.example")).containsExactly(stored.get(119));
    assertThat(snapshot().leads()).containsExactlyElementsOf(stored);
    assertThat(events).hasSize(120).allMatch(e -> e instanceof LeadCaptured);
    assertThat(events).extracting(e -> ((LeadCaptured) e).leadId())
        .containsExactlyElementsOf(stored.stream().map(Lead::id).toList());
  }

  @Test
  public void aBulkCaptureWithABadEntryStoresNothing() {
    List<NewLead> drafts = new ArrayList<>();
    drafts.add(NewLead.builder(PersonName.of("Good"), LeadSource.PURCHASED_LIST).build());
    drafts.add(null);
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.leads().captureAll(drafts))
        .isInstanceOf(dev.rapport.crm.exception.ValidationException.class).hasMessage("leads[1]: must not be null");
    assertThatThrownBy(() -> crm.leads().captureAll(java.util.Collections.nCopies(10_001, drafts.get(0))))
        .isInstanceOf(dev.rapport.crm.exception.ValidationException.class).hasMessage("leads: must hold at most 10000 leads");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
  }

  @Test
  public void aRejectedCommandDeliversNoEvent() {
    Lead l = crm.leads().capture(NewLead.builder(PersonName.of("No", "Event"), LeadSource.WEBINAR).build());
    events.clear();
    assertThatThrownBy(() -> crm.leads().convert(l.id(), Conversion.standard()))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(events).isEmpty();
  }

  @Test
  public void aCommandWhoseCommitFailsDeliversNoEvent() {
    RuntimeException injected = new RuntimeException("commit refused");
    Crm failing = crm(tenant, InterceptingPersistence.failingOn(persistence, "recordEvents", e -> true, injected));
    assertThatThrownBy(() -> failing.leads().capture(NewLead.builder(PersonName.of("X"), LeadSource.OTHER).build()))
        .isInstanceOf(StoreException.class).hasCause(injected); // what the store threw, as its cause
    assertThat(events).isEmpty();
    assertThat(snapshot().leads()).isEmpty();
  }

  @Test
  public void aFailingListenerDoesNotUndoTheCommandNorStopOtherListeners() {
    List<CrmEvent> second = new ArrayList<>();
    Crm withBadListener = Crm.builder().persistence(persistence).tenant(tenant).clock(clock)
        .listener(e -> {
          throw new IllegalStateException("listener bug");
        })
        .listener(second::add).build();
    Lead lead = withBadListener.leads().capture(NewLead.builder(PersonName.of("Still", "Stored"), LeadSource.OTHER).build());
    assertThat(crm.leads().get(lead.id())).isEqualTo(lead);
    assertThat(second).hasSize(1).first().isInstanceOf(LeadCaptured.class);
  }

  @Test
  public void eachCommittedCommandDeliversItsEventsOnce() {
    Lead l = crm.leads().capture(NewLead.builder(PersonName.of("Once"), LeadSource.OTHER).build());
    crm.leads().changeStatus(l.id(), LeadStatus.CONTACTED);
    crm.leads().changeStatus(l.id(), LeadStatus.QUALIFIED);
    assertThat(events).extracting(e -> (Object) e.getClass())
        .containsExactly(LeadCaptured.class, LeadStatusChanged.class, LeadStatusChanged.class);
    assertThat(events).extracting(e -> e instanceof LeadStatusChanged s ? s.to() : null)
        .containsExactly(null, LeadStatus.CONTACTED, LeadStatus.QUALIFIED);
  }
}
