package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;

/**
 * The tenant a record belongs to: one host customer, company or book of accounts. One
 * {@code Crm} serves one tenant and never reads or writes another's records.
 *
 * @param value 1 to 64 characters of letters, digits, {@code . _ -}
 */
public record TenantId(String value) {

  /** @throws ValidationException if the value is null or not 1 to 64 of {@code [A-Za-z0-9._-]} */
  public TenantId {
    Check.notNull(value, "tenantId");
    if (!validTenant(value)) {
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

  /** {@code [A-Za-z0-9._-]{1,64}}, by hand: checked on every row an adapter reads. */
  private static boolean validTenant(String v) {
    if (v.isEmpty() || v.length() > 64) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
