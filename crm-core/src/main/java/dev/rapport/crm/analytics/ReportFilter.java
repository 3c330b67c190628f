package dev.rapport.crm.analytics;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.common.LeadSource;
import java.util.Optional;

/**
 * Which records a report counts, beyond its period: every criterion given must match. Immutable;
 * each {@code with} method returns a new filter. Start from {@link #all()}.
 *
 * <ul>
 *   <li>{@code owner}: the lead's owner for lead figures, the opportunity's owner for opportunity
 *       figures (an opportunity converted from a lead starts with the lead's owner).
 *   <li>{@code source}: the lead's source; for an opportunity, the source it was converted from.
 *   <li>{@code campaign}: the campaign the lead was captured with; for an opportunity, the
 *       campaign of the lead it was converted from.
 * </ul>
 *
 * <p>A {@code Crm} has one pipeline, so there is no pipeline criterion: a host with several
 * pipelines builds one {@code Crm} per pipeline.
 *
 * @param owner only this owner's records
 * @param source only records from this source
 * @param campaign only records attributed to this campaign
 */
public record ReportFilter(Optional<String> owner, Optional<LeadSource> source,
    Optional<CampaignId> campaign) {

  private static final ReportFilter ALL = new ReportFilter(Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * @throws ValidationException (field {@code filter.owner}, {@code filter.source} or {@code
   *     filter.campaign}) if a part is null, or the owner is blank or longer than {@value
   *     Limits#TEXT} characters
   */
  public ReportFilter {
    Check.notNull(owner, "filter.owner");
    owner = owner.map(o -> Check.text(o, "filter.owner", Limits.TEXT));
    Check.notNull(source, "filter.source");
    Check.notNull(campaign, "filter.campaign");
  }

  /** Everything: no criterion. */
  public static ReportFilter all() {
    return ALL;
  }

  /**
   * This filter, and only records of {@code owner} (stripped).
   *
   * @throws ValidationException (field {@code filter.owner}) if the owner is null, blank or too long
   */
  public ReportFilter withOwner(String owner) {
    return new ReportFilter(Optional.of(Check.text(owner, "filter.owner", Limits.TEXT)), source, campaign);
  }

  /**
   * This filter, and only records from {@code source}.
   *
   * @throws ValidationException (field {@code filter.source}) if the source is null
   */
  public ReportFilter withSource(LeadSource source) {
    return new ReportFilter(owner, Optional.of(Check.notNull(source, "filter.source")), campaign);
  }

  /**
   * This filter, and only records attributed to {@code campaign}.
   *
   * @throws ValidationException (field {@code filter.campaign}) if the campaign is null
   */
  public ReportFilter withCampaign(CampaignId campaign) {
    return new ReportFilter(owner, source, Optional.of(Check.notNull(campaign, "filter.campaign")));
  }
}
