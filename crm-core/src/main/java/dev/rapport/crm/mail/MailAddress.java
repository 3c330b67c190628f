package dev.rapport.crm.mail;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Optional;

/**
 * An address of a message's header with its display name, e.g. {@code "Ada Lovelace"
 * <ada@example.org>}. An immutable value.
 *
 * @param address the e-mail address
 * @param name the display name, if the header gave one (one line, at most {@value Limits#TEXT} characters)
 */
public record MailAddress(EmailAddress address, Optional<String> name) {

  /** @throws ValidationException if a part is null, or the name breaks a line or is too long */
  public MailAddress {
    Check.notNull(address, "mail.address");
    Check.notNull(name, "mail.name");
    name = name.isEmpty() || name.get().isBlank() ? Optional.empty()
        : Optional.of(MailText.oneLine(Check.text(name.get(), "mail.name", Limits.TEXT), "mail.name"));
  }

  /**
   * An address without a display name.
   *
   * @throws ValidationException if the address is null or not an e-mail address
   */
  public static MailAddress of(String address) {
    return new MailAddress(EmailAddress.of(address, "mail.address"), Optional.empty());
  }

  /**
   * An address with a display name (null or blank for none).
   *
   * @throws ValidationException if the address is null or not an e-mail address, or the name
   *     breaks a line or is longer than {@value Limits#TEXT} characters
   */
  public static MailAddress of(String name, String address) {
    return new MailAddress(EmailAddress.of(address, "mail.address"), Optional.ofNullable(name));
  }
}
