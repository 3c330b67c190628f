package dev.rapport.crm.test;

import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.Temperature;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions on a {@link Lead}; start with {@link RapportAssertions#assertThat(Lead)}. */
public final class LeadAssert extends AbstractAssert<LeadAssert, Lead> {

  LeadAssert(Lead actual) {
    super(actual, LeadAssert.class);
  }

  /** Verifies the lead's status. */
  public LeadAssert hasStatus(LeadStatus expected) {
    isNotNull();
    if (actual.status() != expected) {
      failWithMessage("Expected lead %s to have status %s but it was %s", actual.name(), expected, actual.status());
    }
    return this;
  }

  /** Verifies the lead's temperature. */
  public LeadAssert hasTemperature(Temperature expected) {
    isNotNull();
    if (actual.temperature() != expected) {
      failWithMessage("Expected lead %s to be %s but it was %s (signals: %s)", actual.name(), expected,
          actual.temperature(), actual.signals().stream().map(s -> s.type().code()).toList());
    }
    return this;
  }

  /** Verifies the lead is HOT. */
  public LeadAssert isHot() {
    return hasTemperature(Temperature.HOT);
  }

  /** Verifies the lead is WARM. */
  public LeadAssert isWarm() {
    return hasTemperature(Temperature.WARM);
  }

  /** Verifies the lead is COLD. */
  public LeadAssert isCold() {
    return hasTemperature(Temperature.COLD);
  }

  /** Verifies where the lead came from. */
  public LeadAssert hasSource(LeadSource expected) {
    isNotNull();
    if (!actual.source().equals(expected)) {
      failWithMessage("Expected lead %s to come from %s but it came from %s", actual.name(), expected, actual.source());
    }
    return this;
  }

  /** Verifies who works the lead. */
  public LeadAssert hasOwner(String expected) {
    isNotNull();
    if (!actual.owner().equals(Optional.ofNullable(expected))) {
      failWithMessage("Expected lead %s to be owned by %s but its owner was %s", actual.name(), expected,
          actual.owner().orElse("nobody"));
    }
    return this;
  }

  /** Verifies the lead's score (0 to 100). */
  public LeadAssert hasScore(int expected) {
    isNotNull();
    if (actual.score() != expected) {
      failWithMessage("Expected lead %s to score %s but it scored %s", actual.name(), expected, actual.score());
    }
    return this;
  }

  /** Verifies the lead was captured with this campaign. */
  public LeadAssert isAttributedTo(CampaignId expected) {
    isNotNull();
    if (!actual.campaign().equals(Optional.ofNullable(expected))) {
      failWithMessage("Expected lead %s to be attributed to campaign %s but it was %s", actual.name(), expected,
          actual.campaign().map(Object::toString).orElse("to none"));
    }
    return this;
  }

  /** Verifies the lead was converted (into a contact, an account and perhaps an opportunity). */
  public LeadAssert isConverted() {
    return hasStatus(LeadStatus.CONVERTED);
  }
}
