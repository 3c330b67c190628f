package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.opportunity.NewOpportunity;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A conversion writes an account, a contact, an opportunity and the lead in one unit of work: when
 * any write fails, the store is exactly as before and no event is delivered.
 */
public abstract class AtomicConversionContract extends ContractSupport {
  private Lead lead;

  @BeforeEach
  final void aQualifiedLead() {
    Lead captured = crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR)
        .email("ada@analytical.example").phone("+49 30 901820").company("Analytical Engines Ltd")
        .owner("ann").build());
    lead = crm.leads().changeStatus(captured.id(), LeadStatus.QUALIFIED);
    events.clear();
  }

  private void assertConversionFailsAndChangesNothing(String operation, Predicate<Object> when, Conversion conversion) {
    StoreSnapshot before = snapshot();
    RuntimeException injected = new RuntimeException("injected failure on " + operation);
    Crm failing = crm(tenant, InterceptingPersistence.failingOn(persistence, operation, when, injected));
    assertThatThrownBy(() -> failing.leads().convert(lead.id(), conversion)).isInstanceOf(StoreException.class).hasCause(injected); // what the store threw, as its cause
    assertThat(snapshot()).isEqualTo(before);
    Lead after = crm.leads().get(lead.id());
    assertThat(after.status()).isEqualTo(LeadStatus.QUALIFIED);
    assertThat(after.version()).isEqualTo(lead.version());
    assertThat(events).isEmpty();
  }

  private Conversion withOpportunity() {
    return Conversion.standard().withOpportunity(NewOpportunity.builder("Licence", Money.of("990.00", "EUR")).build());
  }

  @Test
  public void aFailureWhenInsertingTheOpportunityLeavesNoAccountNoContactNoOpportunityAndTheLeadQualified() {
    assertConversionFailsAndChangesNothing("OpportunityRepository.insert", o -> true, withOpportunity());
    assertThat(snapshot().accounts()).isEmpty();
    assertThat(snapshot().contacts()).isEmpty();
    assertThat(snapshot().opportunities()).isEmpty();
  }

  @Test
  public void aFailureOnTheFinalLeadUpdateLeavesTheStoreExactlyAsBefore() {
    assertConversionFailsAndChangesNothing("LeadRepository.update",
        l -> ((Lead) l).status() == LeadStatus.CONVERTED, withOpportunity());
    assertThat(snapshot().accounts()).isEmpty();
    assertThat(snapshot().opportunities()).isEmpty();
  }

  @Test
  public void aFailureWhenInsertingTheContactLeavesNoAccount() {
    assertConversionFailsAndChangesNothing("ContactRepository.insert", c -> true, Conversion.standard());
    assertThat(snapshot().accounts()).isEmpty();
  }

  @Test
  public void aFailureWhenFillingAnExistingAccountLeavesThatAccountUnchanged() {
    Account existing = crm.accounts().create(NewAccount.builder("Analytical Engines Ltd").build());
    events.clear();
    assertConversionFailsAndChangesNothing("LeadRepository.update",
        l -> ((Lead) l).status() == LeadStatus.CONVERTED, withOpportunity());
    assertThat(crm.accounts().get(existing.id())).isEqualTo(existing);
  }

  @Test
  public void aFailureWhenRecordingEventsStoresNothing() {
    assertConversionFailsAndChangesNothing("recordEvents", e -> true, withOpportunity());
  }

  @Test
  public void afterAFailedAttemptTheSameConversionSucceedsInFull() {
    assertConversionFailsAndChangesNothing("OpportunityRepository.insert", o -> true, withOpportunity());
    var result = crm.leads().convert(lead.id(), withOpportunity());
    assertThat(result.lead().status()).isEqualTo(LeadStatus.CONVERTED);
    StoreSnapshot after = snapshot();
    assertThat(after.accounts()).containsExactly(result.account());
    assertThat(after.contacts()).containsExactly(result.contact());
    assertThat(after.opportunities()).containsExactly(result.opportunity().orElseThrow());
  }
}
