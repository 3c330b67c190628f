package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.regex.Pattern;

/**
 * The tenant a record belongs to: one host customer, company or book of accounts. One
 * {@code Crm} serves one tenant and never reads or writes another's records.
 *
 * @param value 1 to 64 characters of letters, digits, {@code . _ -}
 */
public record TenantId(String value) {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** @throws ValidationException if the value is null or not 1 to 64 of {@code [A-Za-z0-9._-]} */
  public TenantId {
    Check.notNull(value, "tenantId");
    if (!VALID.matcher(value).matches()) {
      throw new ValidationException("tenantId", "must be 1 to 64 of letters, digits, '.', '_', '-'");
    }
  }

  /**
   * Returns the tenant with the given id.
   *
   * @throws ValidationException if the value is null or not 1 to 64 of {@code [A-Za-z0-9._-]}
   */
  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
