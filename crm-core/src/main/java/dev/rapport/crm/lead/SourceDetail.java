package dev.rapport.crm.lead;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import java.util.Optional;

/**
 * Detail of a lead's source: the campaign, and the UTM parameters of the link it arrived by.
 * Each part is optional, at most 200 characters.
 *
 * @param campaign the campaign's name
 * @param utmSource {@code utm_source}, e.g. {@code google}
 * @param utmMedium {@code utm_medium}, e.g. {@code cpc}
 * @param utmCampaign {@code utm_campaign}
 */
public record SourceDetail(Optional<String> campaign, Optional<String> utmSource,
    Optional<String> utmMedium, Optional<String> utmCampaign) {

  /** @throws ValidationException if a part is null, or present and blank or over 200 characters */
  public SourceDetail {
    campaign = part(campaign, "sourceDetail.campaign");
    utmSource = part(utmSource, "sourceDetail.utmSource");
    utmMedium = part(utmMedium, "sourceDetail.utmMedium");
    utmCampaign = part(utmCampaign, "sourceDetail.utmCampaign");
  }

  private static Optional<String> part(Optional<String> value, String field) {
    Check.notNull(value, field);
    return value.isEmpty() ? value : Optional.of(Check.text(value.get(), field, Limits.TEXT));
  }

  /**
   * Detail naming only a campaign.
   *
   * @throws ValidationException if it is null, blank or too long
   */
  public static SourceDetail campaign(String campaign) {
    return new SourceDetail(Optional.of(Check.notNull(campaign, "sourceDetail.campaign")),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Detail from UTM parameters; a null parameter is absent.
   *
   * @throws ValidationException if a parameter is blank or over 200 characters
   */
  public static SourceDetail utm(String utmSource, String utmMedium, String utmCampaign) {
    return new SourceDetail(Optional.empty(), Optional.ofNullable(utmSource),
        Optional.ofNullable(utmMedium), Optional.ofNullable(utmCampaign));
  }
}
