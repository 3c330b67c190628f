package dev.rapport.crm.mail;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An address campaign mail no longer goes to: it bounced (a delivery status notification reported
 * it failed) or its lead unsubscribed. A contact who unsubscribes withdraws marketing consent
 * instead, which a later consent can give again. An immutable value; adapters rebuild stored ones
 * with the canonical constructor.
 *
 * @param tenantId the tenant
 * @param address the address
 * @param version how many times it has been stored (0 before the first save)
 * @param reason why
 * @param recordedAt when it was recorded (the latest time)
 * @param detail what it came from, e.g. the bounce's subject; 1 to 200 characters
 */
public record MailSuppression(TenantId tenantId, EmailAddress address, long version, Reason reason,
    Instant recordedAt, String detail) {

  /** Why an address is suppressed. */
  public enum Reason {
    /** Mail to it could not be delivered. */
    BOUNCED,
    /** Its lead unsubscribed through the link of a campaign message. */
    UNSUBSCRIBED
  }

  /** @throws ValidationException if a part is null, the version negative or the detail blank or too long */
  public MailSuppression {
    Check.notNull(tenantId, "tenantId");
    Check.notNull(address, "suppression.address");
    Check.notNegative(version, "version");
    Check.notNull(reason, "suppression.reason");
    recordedAt = Check.instant(recordedAt, "suppression.recordedAt");
    detail = Check.text(detail, "suppression.detail", Limits.TEXT);
  }

  /**
   * The id stores file it under: a name-based id of the lower-case address, shaped as the version 7
   * UUIDs of Rapport's other records so that every database orders it alike. The same address, the
   * same id.
   */
  public UUID id() {
    return idOf(address);
  }

  /**
   * The id of the suppression of this address ({@link #id()}), for look-ups by address.
   *
   * @throws ValidationException if the address is null
   */
  public static UUID idOf(EmailAddress address) {
    Check.notNull(address, "address");
    UUID name = UUID.nameUUIDFromBytes(address.normalized().getBytes(StandardCharsets.UTF_8));
    return new UUID(name.getMostSignificantBits() & 0x7FFF_FFFF_FFFF_0FFFL | 0x7000L,
        name.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L);
  }
}
