package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.UUID;

/**
 * The id of a campaign: a time-ordered (version 7) UUID, so ids sort in creation order and index well.
 *
 * @param value the UUID
 */
public record CampaignId(UUID value) implements Comparable<CampaignId> {
  /** @throws ValidationException if the value is null */
  public CampaignId {
    Check.notNull(value, "campaignId");
  }

  /**
   * The id with the given UUID.
   *
   * @throws ValidationException if it is null
   */
  public static CampaignId of(UUID value) {
    return new CampaignId(value);
  }

  /**
   * Parses an id from its text form.
   *
   * @throws ValidationException if it is null or not a UUID
   */
  public static CampaignId parse(String value) {
    return new CampaignId(Ids.parse(value, "campaignId"));
  }

  @Override
  public int compareTo(CampaignId other) {
    return Ids.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
