package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Optional;

/**
 * A person's name: an optional given name and a family name (some people have only one name;
 * it goes in {@code familyName}).
 *
 * @param givenName the given (first) name, if any
 * @param familyName the family (last) name, or the only name; 1 to 100 characters
 */
public record PersonName(Optional<String> givenName, String familyName) {
  /** @throws ValidationException if a part is null, blank where required, or over 100 characters */
  public PersonName {
    Check.notNull(givenName, "name.givenName");
    givenName = givenName.isEmpty() ? givenName : Check.optionalText(givenName.get(), "name.givenName", Limits.NAME_PART);
    familyName = Check.text(familyName, "name.familyName", Limits.NAME_PART);
  }

  /**
   * A name with given and family name.
   *
   * @throws ValidationException if the family name is null or blank, or a part is over 100 characters
   */
  public static PersonName of(String givenName, String familyName) {
    return new PersonName(Optional.ofNullable(givenName), familyName);
  }

  /**
   * A name with a single part, e.g. a mononym.
   *
   * @throws ValidationException if it is null, blank or over 100 characters
   */
  public static PersonName of(String name) {
    return new PersonName(Optional.empty(), name);
  }

  /** The name as it is written: given name, a space, family name. */
  public String fullName() {
    return givenName.map(g -> g + " " + familyName).orElse(familyName);
  }

  @Override
  public String toString() {
    return fullName();
  }
}
