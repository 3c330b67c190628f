package dev.rapport.crm.search;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.Fold;
import dev.rapport.crm.lead.Lead;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The text under which a lead, contact or account is found: each searchable field folded (accents
 * and case dropped, {@code ß} as {@code ss}, Cyrillic and Greek transliterated, every other
 * character a word break; a phone number as its digits) and padded with a space at each end, as
 * an adapter stores it with the record: {@code " anna muller "} for Anna Müller,
 * {@code " anna muller example com "} for {@code anna.muller@example.com}. Letters of other
 * scripts (Chinese, Arabic, ...) are left out: such a name is found by its other fields.
 *
 * <p>An adapter stores each present field in a column of {@link #MAX_LENGTH} characters (ASCII),
 * or files the record under {@link #grams()} in an index of its own, and answers {@link
 * SearchRepository} from them. The forms may change between versions: a change is listed in
 * MIGRATING.md with how to rebuild the stored text.
 *
 * @param name the folded name
 * @param company the folded company a lead gave
 * @param email the folded e-mail address(es)
 * @param phone the digits of the phone number(s), space-separated
 * @param domain the folded web domain of an account
 * @param reference the folded external reference of an account
 */
public record SearchText(Optional<String> name, Optional<String> company, Optional<String> email,
    Optional<String> phone, Optional<String> domain, Optional<String> reference) {

  /** The longest stored field: longer text (a contact with many addresses) is cut. */
  public static final int MAX_LENGTH = 1000;

  /** @throws dev.rapport.crm.exception.ValidationException if a part is null */
  public SearchText {
    Check.notNull(name, "name");
    Check.notNull(company, "company");
    Check.notNull(email, "email");
    Check.notNull(phone, "phone");
    Check.notNull(domain, "domain");
    Check.notNull(reference, "reference");
  }

  /** A lead's: name, company, e-mail address, phone number. */
  public static SearchText of(Lead lead) {
    Check.notNull(lead, "lead");
    return new SearchText(stored(lead.name().fullName()), lead.company().flatMap(SearchText::stored),
        lead.email().flatMap(e -> stored(e.address())), lead.phone().flatMap(p -> digitsStored(p.e164())),
        Optional.empty(), Optional.empty());
  }

  /** A contact's: name, every e-mail address, every phone number. */
  public static SearchText of(Contact contact) {
    Check.notNull(contact, "contact");
    String emails = contact.emails().stream().map(EmailAddress::address).collect(Collectors.joining(" "));
    String phones = contact.phones().stream().map(PhoneNumber::e164).map(SearchText::digits)
        .collect(Collectors.joining(" "));
    return new SearchText(stored(contact.name().fullName()), Optional.empty(), stored(emails),
        stored(phones), Optional.empty(), Optional.empty());
  }

  /** An account's: name, domain, external reference. */
  public static SearchText of(Account account) {
    Check.notNull(account, "account");
    return new SearchText(stored(account.name()), Optional.empty(), Optional.empty(), Optional.empty(),
        account.domain().flatMap(SearchText::stored), account.externalReference().flatMap(SearchText::stored));
  }

  /** The stored text of a field, if the record has it. */
  public Optional<String> field(SearchField field) {
    Check.notNull(field, "field");
    return switch (field) {
      case NAME -> name;
      case COMPANY -> company;
      case EMAIL -> email;
      case PHONE -> phone;
      case DOMAIN -> domain;
      case REFERENCE -> reference;
    };
  }

  /**
   * The distinct trigrams of every field together (three characters each, spaces included, as
   * {@code pg_trgm} forms them): the keys an adapter with an index of its own files the record
   * under. A record whose similarity to a query reaches {@code t} holds at least {@link
   * SearchQuery#minimumShared} of the query's trigrams.
   */
  public Set<String> grams() {
    Set<String> out = new LinkedHashSet<>();
    for (SearchField f : SearchField.values()) {
      field(f).ifPresent(text -> out.addAll(Trigrams.distinct(text)));
    }
    return out;
  }

  /**
   * Text folded for search: lower-case ASCII letters and digits, words separated by one space, no
   * space at either end; empty if nothing is left.
   *
   * @throws dev.rapport.crm.exception.ValidationException if the text is null
   */
  public static String fold(String raw) {
    Check.notNull(raw, "text");
    String f = Fold.name(raw.replace('.', ' '));
    StringBuilder out = new StringBuilder(f.length());
    boolean space = true;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int n = out.length();
    return n > 0 && out.charAt(n - 1) == ' ' ? out.substring(0, n - 1) : out.toString();
  }

  /** The digits of the text, in order. */
  static String digits(String raw) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static Optional<String> digitsStored(String raw) {
    return stored(digits(raw));
  }

  private static Optional<String> stored(String raw) {
    String f = fold(raw);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    if (f.length() > MAX_LENGTH - 2) {
      f = f.substring(0, MAX_LENGTH - 2).strip();
    }
    return Optional.of(" " + f + " ");
  }
}
