package dev.rapport.crm.test;

import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.opportunity.Opportunity;

/**
 * Entry points of the AssertJ assertions for Rapport's records. Import them statically beside
 * AssertJ's own: {@code assertThat(lead).isHot().hasStatus(QUALIFIED)}.
 */
public final class RapportAssertions {
  private RapportAssertions() {}

  /** Assertions on a lead. */
  public static LeadAssert assertThat(Lead actual) {
    return new LeadAssert(actual);
  }

  /** Assertions on an opportunity. */
  public static OpportunityAssert assertThat(Opportunity actual) {
    return new OpportunityAssert(actual);
  }
}
