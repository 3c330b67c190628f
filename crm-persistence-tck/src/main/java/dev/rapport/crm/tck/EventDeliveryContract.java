package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.IllegalTransitionException;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.event.AccountCreated;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.LeadCaptured;
import dev.rapport.crm.event.LeadConverted;
import dev.rapport.crm.event.LeadStatusChanged;
import dev.rapport.crm.event.OpportunityOpened;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadSource;
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
        .isSameAs(injected);
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
