package dev.rapport.crm.common;

import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.Fold;
import java.util.List;
import java.util.Optional;

/**
 * The blocking keys under which a person (a lead or a contact) is stored for duplicate detection:
 * a store finds the likely duplicates of a record among a million with a few index look-ups on
 * these keys instead of a scan. An adapter stores {@link #email}, {@link #phone} and {@link #name}
 * with each record and answers {@code findByMatchKeys} with the records sharing any of them
 * (see {@link #nameLookups()} for names).
 *
 * <p>Keys are cut to {@link #MAX_LENGTH} characters.
 *
 * <p>{@code email} is the primary address as its provider delivers it (lower case, no
 * {@code +tag}, no dots at Gmail); {@code phone} the primary number in E.164 form; {@code name}
 * the sound of the family name (Double Metaphone) and the initial of the given name with nicknames
 * resolved, e.g. {@code SM0|r} for Bob Smith and for Robert Smyth.
 *
 * @param email the primary address's key, if the record has an address
 * @param phone the primary number's key, if the record has a number
 * @param name the name's key
 * @param swappedName the key the name would have with given and family name swapped (Smith John
 *     for John Smith): looked up, never stored
 */
public record MatchKeys(Optional<String> email, Optional<String> phone, String name, String swappedName) {
  /** The longest key: the columns that hold them are this wide. */
  public static final int MAX_LENGTH = 320;

  /** @throws dev.rapport.crm.exception.ValidationException if a part is null or over 320 characters */
  public MatchKeys {
    Check.notNull(email, "email");
    Check.notNull(phone, "phone");
    Check.notNull(name, "name");
    Check.notNull(swappedName, "swappedName");
    email = email.map(MatchKeys::cut);
    phone = phone.map(MatchKeys::cut);
    name = cut(name);
    swappedName = cut(swappedName);
  }

  /** The keys of a person with this name and primary address and number. */
  public static MatchKeys of(PersonName name, Optional<EmailAddress> email, Optional<PhoneNumber> phone) {
    Check.notNull(name, "name");
    Check.notNull(email, "email");
    Check.notNull(phone, "phone");
    String given = name.givenName().map(Fold::givenName).orElse("");
    String family = Fold.name(name.familyName());
    return new MatchKeys(email.map(e -> Fold.email(e.normalized())), phone.map(PhoneNumber::e164),
        nameKey(given, family), nameKey(family, given));
  }

  /**
   * The keys of a person known by these parts, any of which may be empty (a profile's, see
   * {@code dev.rapport.crm.dedupe.MatchProfile}): the e-mail address in any form, the number
   * as given (E.164 expected).
   */
  public static MatchKeys of(Optional<String> givenName, Optional<String> familyName,
      Optional<String> email, Optional<String> phone) {
    Check.notNull(givenName, "givenName");
    Check.notNull(familyName, "familyName");
    Check.notNull(email, "email");
    Check.notNull(phone, "phone");
    String given = givenName.map(Fold::givenName).orElse("");
    String family = familyName.map(Fold::name).orElse("");
    return new MatchKeys(email.map(Fold::email), phone, nameKey(given, family), nameKey(family, given));
  }

  /**
   * The key under which an account is stored for duplicate detection: its name folded (case,
   * accents, punctuation) without its legal form, so {@code ACME Inc.}, {@code Acme} and {@code
   * acme GmbH} share {@code acme}. Cut to {@link #MAX_LENGTH} characters. An account's domain is
   * its second key, as stored.
   *
   * @throws dev.rapport.crm.exception.ValidationException if the name is null
   */
  public static String companyKey(String name) {
    Check.notNull(name, "name");
    return cut(Fold.ascii(Fold.company(name)));
  }

  /** The keys of a person with these addresses and numbers, the primary (first) one counting. */
  public static MatchKeys of(PersonName name, List<EmailAddress> emails, List<PhoneNumber> phones) {
    Check.notNull(emails, "emails");
    Check.notNull(phones, "phones");
    return of(name, emails.stream().findFirst(), phones.stream().findFirst());
  }

  /**
   * The name keys to look up in the stored {@code name} column: {@link #name} and {@link
   * #swappedName}, once each.
   */
  public List<String> nameLookups() {
    return name.equals(swappedName) ? List.of(name) : List.of(name, swappedName);
  }

  /**
   * The key of a folded given name (nicknames resolved) and a folded family name: the family name's
   * sound, a bar, the given name's initial.
   */
  private static String nameKey(String given, String family) {
    return Fold.ascii(Fold.sound(family) + "|" + Fold.initial(given).map(String::valueOf).orElse(""));
  }

  private static String cut(String key) {
    return key.length() <= MAX_LENGTH ? key : key.substring(0, MAX_LENGTH);
  }
}
