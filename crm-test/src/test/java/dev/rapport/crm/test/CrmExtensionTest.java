package dev.rapport.crm.test;

import static dev.rapport.crm.test.RapportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.lead.LeadCaptured;
import dev.rapport.crm.lead.LeadTemperatureChanged;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class CrmExtensionTest {

  static Lead ada(Crm crm) {
    return crm.leads().capture(NewLead.builder(PersonName.of("Ada Lovelace"), LeadSource.WEBINAR)
        .email("ada@example.com").owner("ann").build());
  }

  @Nested
  @ExtendWith(CrmExtension.class)
  class AsParameters {

    @RepeatedTest(3) // each repetition starts with an empty store and the same instant
    void eachTestStartsEmptyAtTheDefaultInstant(Crm crm, TestClock clock, RecordedEvents events) {
      assertThat(clock.instant()).isEqualTo(CrmExtension.DEFAULT_START);
      assertThat(crm.tenant().value()).isEqualTo(CrmExtension.DEFAULT_TENANT);
      assertThat(events.all()).isEmpty();
      assertThat(crm.leads().query(LeadQuery.all(), PageRequest.first(10)).items()).isEmpty();
      ada(crm);
      clock.advance(Duration.ofDays(3));
      assertThat(crm.leads().query(LeadQuery.all(), PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void theRecorderHoldsWhatTheCrmDelivered(Crm crm, RecordedEvents events) {
      Lead lead = ada(crm);
      crm.leads().recordSignal(lead.id(), SignalType.DEMO_REQUEST);

      assertThat(events.last(LeadCaptured.class).source()).isEqualTo(LeadSource.WEBINAR);
      assertThat(events.ofType(LeadTemperatureChanged.class)).hasSize(1);
      events.clear();
      assertThat(events.size()).isZero();
      assertThatThrownBy(() -> events.last(LeadCaptured.class))
          .isInstanceOf(NoSuchElementException.class).hasMessageContaining("no LeadCaptured");
    }

    @Test
    void leadAssertionsReadAsTheDomainSpeaks(Crm crm) {
      Lead lead = ada(crm);
      crm.leads().recordSignal(lead.id(), SignalType.DEMO_REQUEST);
      crm.leads().changeStatus(lead.id(), LeadStatus.QUALIFIED);

      assertThat(crm.leads().get(lead.id())).isHot().hasStatus(LeadStatus.QUALIFIED)
          .hasSource(LeadSource.WEBINAR).hasOwner("ann").hasScore(0);
      assertThatThrownBy(() -> assertThat(crm.leads().get(lead.id())).isCold())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to be COLD but it was HOT").hasMessageContaining("demo_request");
      assertThatThrownBy(() -> assertThat(lead).hasStatus(LeadStatus.CONVERTED))
          .isInstanceOf(AssertionError.class).hasMessageContaining("status CONVERTED but it was NEW");
      assertThatThrownBy(() -> assertThat(lead).isConverted()).isInstanceOf(AssertionError.class);
      assertThatThrownBy(() -> assertThat(lead).hasOwner("bob"))
          .isInstanceOf(AssertionError.class).hasMessageContaining("owned by bob but its owner was ann");
    }

    @Test
    void opportunityAssertions(Crm crm) {
      var account = crm.accounts().create(NewAccount.builder("Acme").build());
      Opportunity o = crm.opportunities().open(account.id(),
          NewOpportunity.builder("Ledger", Money.of("100.00", "EUR")).build());
      assertThat(o).isOpen().isInStage("prospecting").hasAmount(Money.of("100.00", "EUR")).hasProbability(10);
      Opportunity won = crm.opportunities().win(o.id());
      assertThat(won).isWon().isInStage("Closed Won");
      assertThatThrownBy(() -> assertThat(won).isLost())
          .isInstanceOf(AssertionError.class).hasMessageContaining("to be LOST but it was WON");
      assertThatThrownBy(() -> assertThat(o).hasAmount(Money.of("101.00", "EUR")))
          .isInstanceOf(AssertionError.class).hasMessageContaining("worth 101.00 EUR but it was worth 100.00 EUR");
    }
  }

  @Nested
  class Configured {
    @RegisterExtension
    final CrmExtension rapport = CrmExtension.inMemory()
        .tenant("acme")
        .startingAt(Instant.parse("2026-03-02T09:00:00Z"))
        .configure(b -> b.reportingCurrency("USD"));

    @Test
    void theFieldAnswersInsideTheTest() {
      assertThat(rapport.crm().tenant().value()).isEqualTo("acme");
      assertThat(rapport.clock().instant()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
      ada(rapport.crm());
      assertThat(rapport.events().ofType(LeadCaptured.class)).hasSize(1);
    }
  }

  @Test
  void outsideATestThereIsNoCrm() {
    CrmExtension unused = CrmExtension.inMemory();
    assertThatThrownBy(unused::crm).isInstanceOf(IllegalStateException.class).hasMessageContaining("no test is running");
    assertThatThrownBy(() -> unused.tenant(null)).isInstanceOf(NullPointerException.class);
  }
}
