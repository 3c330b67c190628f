package dev.rapport.crm.dedupe;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.lead.Lead;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@link DuplicateMatcher} compares of a person: the name, e-mail addresses, phone
 * numbers, the company, and any further attributes the host knows (a birth date, a postcode, a tax
 * number), compared by name between two profiles. Leads and contacts give theirs through {@link
 * #of(Lead)} and {@link #of(Contact)}; a host may build profiles of its own records (e.g. its
 * ledger's customers) to match them with the same rules.
 *
 * <p>An immutable value.
 *
 * @param givenName the given name, if known
 * @param familyName the family name, if known
 * @param emails e-mail addresses (any form: they are folded when compared)
 * @param phones phone numbers in E.164 form
 * @param company the company's name, or a token naming it (a contact's account id)
 * @param attributes further fields by name, e.g. {@code "birthDate" -> "1956-04-09"}
 */
public record MatchProfile(Optional<String> givenName, Optional<String> familyName,
    List<String> emails, List<String> phones, Optional<String> company,
    Map<String, String> attributes) {

  /** @throws ValidationException if a part is null, or a text blank or over 10,000 characters */
  public MatchProfile {
    givenName = optional(givenName, "givenName");
    familyName = optional(familyName, "familyName");
    emails = texts(emails, "emails");
    phones = texts(phones, "phones");
    company = optional(company, "company");
    Check.notNull(attributes, "attributes");
    Map<String, String> copy = new LinkedHashMap<>();
    attributes.forEach((k, v) -> {
      Check.text(k, "attributes", 100);
      if (v != null && !v.isBlank()) {
        copy.put(k, Check.text(v, "attributes." + k, LONGEST));
      }
    });
    attributes = java.util.Collections.unmodifiableMap(copy);
  }

  private static final int LONGEST = 10_000;

  /**
   * A profile with only a name; either part may be null.
   *
   * @throws ValidationException if a part is blank or over 10,000 characters
   */
  public static MatchProfile person(String givenName, String familyName) {
    return new MatchProfile(Optional.ofNullable(givenName).filter(s -> !s.isBlank()),
        Optional.ofNullable(familyName).filter(s -> !s.isBlank()), List.of(), List.of(),
        Optional.empty(), Map.of());
  }

  /** The lead's name, address, number and company. */
  public static MatchProfile of(Lead lead) {
    Check.notNull(lead, "lead");
    return new MatchProfile(lead.name().givenName(), Optional.of(lead.name().familyName()),
        lead.email().map(EmailAddress::address).stream().toList(),
        lead.phone().map(PhoneNumber::e164).stream().toList(), lead.company(), Map.of());
  }

  /** The contact's name, addresses, numbers and account (as the company). */
  public static MatchProfile of(Contact contact) {
    Check.notNull(contact, "contact");
    return new MatchProfile(contact.name().givenName(), Optional.of(contact.name().familyName()),
        contact.emails().stream().map(EmailAddress::address).toList(),
        contact.phones().stream().map(PhoneNumber::e164).toList(),
        contact.accountId().map(a -> "account:" + a.value()), Map.of());
  }

  /**
   * This profile with one more e-mail address.
   *
   * @throws ValidationException if it is null or blank
   */
  public MatchProfile withEmail(String email) {
    List<String> next = new ArrayList<>(emails);
    next.add(email);
    return new MatchProfile(givenName, familyName, next, phones, company, attributes);
  }

  /**
   * This profile with one more phone number.
   *
   * @throws ValidationException if it is null or blank
   */
  public MatchProfile withPhone(String phone) {
    List<String> next = new ArrayList<>(phones);
    next.add(phone);
    return new MatchProfile(givenName, familyName, emails, next, company, attributes);
  }

  /**
   * This profile with a company.
   *
   * @throws ValidationException if it is null or blank
   */
  public MatchProfile withCompany(String name) {
    Check.notNull(name, "company");
    return new MatchProfile(givenName, familyName, emails, phones, Optional.of(name), attributes);
  }

  /**
   * This profile with an attribute; a null or blank value leaves it out.
   *
   * @throws ValidationException if the name is null, blank or over 100 characters
   */
  public MatchProfile withAttribute(String name, String value) {
    Map<String, String> next = new LinkedHashMap<>(attributes);
    next.put(Check.text(name, "attributes", 100), value);
    return new MatchProfile(givenName, familyName, emails, phones, company, next);
  }

  private static Optional<String> optional(Optional<String> value, String field) {
    Check.notNull(value, field);
    return value.map(v -> Check.text(v, field, LONGEST));
  }

  private static List<String> texts(List<String> values, String field) {
    Check.notNull(values, field);
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(Check.text(v, field, LONGEST));
    }
    return List.copyOf(out);
  }
}
