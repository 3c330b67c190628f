package dev.rapport.crm.test;

import dev.rapport.crm.common.Money;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityStatus;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on an {@link Opportunity}; start with {@link
 * RapportAssertions#assertThat(Opportunity)}.
 */
public final class OpportunityAssert extends AbstractAssert<OpportunityAssert, Opportunity> {

  OpportunityAssert(Opportunity actual) {
    super(actual, OpportunityAssert.class);
  }

  /** Verifies the opportunity's stage, ignoring case as the pipeline does. */
  public OpportunityAssert isInStage(String expected) {
    isNotNull();
    if (expected == null || !actual.stage().toLowerCase(Locale.ROOT).equals(expected.strip().toLowerCase(Locale.ROOT))) {
      failWithMessage("Expected opportunity %s to be in stage %s but it was in %s", actual.name(), expected, actual.stage());
    }
    return this;
  }

  /** Verifies the opportunity is still open. */
  public OpportunityAssert isOpen() {
    return hasStatus(OpportunityStatus.OPEN);
  }

  /** Verifies the opportunity was won. */
  public OpportunityAssert isWon() {
    return hasStatus(OpportunityStatus.WON);
  }

  /** Verifies the opportunity was lost. */
  public OpportunityAssert isLost() {
    return hasStatus(OpportunityStatus.LOST);
  }

  /** Verifies the opportunity's amount and currency. */
  public OpportunityAssert hasAmount(Money expected) {
    isNotNull();
    if (!actual.amount().equals(expected)) {
      failWithMessage("Expected opportunity %s to be worth %s but it was worth %s", actual.name(), expected, actual.amount());
    }
    return this;
  }

  /** Verifies the opportunity's probability in percent. */
  public OpportunityAssert hasProbability(int expected) {
    isNotNull();
    if (actual.probability() != expected) {
      failWithMessage("Expected opportunity %s to have probability %s%% but it had %s%%", actual.name(), expected,
          actual.probability());
    }
    return this;
  }

  private OpportunityAssert hasStatus(OpportunityStatus expected) {
    isNotNull();
    if (actual.status() != expected) {
      failWithMessage("Expected opportunity %s to be %s but it was %s in stage %s", actual.name(), expected,
          actual.status(), actual.stage());
    }
    return this;
  }
}
