package dev.rapport.crm.contact;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import java.time.Instant;

/**
 * Whether a contact agreed to marketing, when, and through what (for GDPR-style proof of consent).
 *
 * @param granted whether consent is given (false records a withdrawal)
 * @param recordedAt when it was given or withdrawn
 * @param source how it was collected, e.g. {@code "signup form"}; 1 to 200 characters
 */
public record MarketingConsent(boolean granted, Instant recordedAt, String source) {
  /** @throws ValidationException if the time or source is null, or the source blank or too long */
  public MarketingConsent {
    recordedAt = Check.instant(recordedAt, "consent.recordedAt");
    source = Check.text(source, "consent.source", Limits.TEXT);
  }
}
