package dev.rapport.crm.contact;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.Domains;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An account: an organisation the tenant does or may do business with. Contacts belong to it and
 * opportunities are sold to it. A host maps it to its own customer through
 * {@link #externalReference()}, unique within the tenant.
 *
 * <p>An immutable value; adapters rebuild stored accounts with the canonical constructor.
 *
 * @param id the account's id
 * @param tenantId the tenant it belongs to
 * @param version how many times it has been stored (0 before the first save)
 * @param name the organisation's name, 1 to 200 characters
 * @param domain its web and e-mail domain, lower case, e.g. {@code acme.com}
 * @param externalReference the host's key for it, e.g. a customer number; unique in the tenant
 * @param industry the industry it works in
 * @param owner who manages it (a user id of the host)
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param fields its custom field values ({@link dev.rapport.crm.field.CustomField})
 */
public record Account(
    AccountId id,
    TenantId tenantId,
    long version,
    String name,
    Optional<String> domain,
    Optional<String> externalReference,
    Optional<Industry> industry,
    Optional<String> owner,
    Instant createdAt,
    Instant updatedAt,
    CustomFields fields) {

  static final int MAX_TEXT = Limits.TEXT;
  private static final Pattern DOMAIN = Pattern.compile(
      "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** @throws ValidationException if a part is null, a text is blank or too long, or the domain malformed */
  public Account {
    Check.notNull(fields, "fields");
    Check.notNull(id, "id");
    Check.notNull(tenantId, "tenantId");
    Check.notNegative(version, "version");
    name = Check.text(name, "name", MAX_TEXT);
    Check.notNull(domain, "domain");
    domain = domain.map(Account::checkDomain);
    externalReference = optionalText(externalReference, "externalReference");
    Check.notNull(industry, "industry");
    owner = optionalText(owner, "owner");
    createdAt = Check.instant(createdAt, "createdAt");
    updatedAt = Check.instant(updatedAt, "updatedAt");
  }

  static Optional<String> optionalText(Optional<String> value, String field) {
    Check.notNull(value, field);
    return value.isEmpty() ? value : Optional.of(Check.text(value.get(), field, MAX_TEXT));
  }

  /**
   * Checks and normalises a domain: lower case, without scheme, {@code www.} or path, in ASCII
   * (an internationalised name in its Punycode form), and cut to the registrable domain below its
   * public suffix ({@code sales.acme.co.uk} becomes {@code acme.co.uk}), so that one company has
   * one domain whichever host of it is given.
   *
   * @throws ValidationException (field {@code domain}) if it is not a domain name
   */
  static String checkDomain(String value) {
    String d = Check.text(value, "domain", Limits.DOMAIN).toLowerCase(Locale.ROOT);
    d = d.replaceFirst("^https?://", "").replaceFirst("[/?#].*$", "").replaceFirst("^www\\.", "");
    String ascii = Domains.ascii(d).filter(a -> DOMAIN.matcher(a).matches())
        .orElseThrow(() -> new ValidationException("domain", "must be a domain name such as example.com"));
    return Domains.registrable(ascii);
  }

  /**
   * The key under which account names are matched: lower case, accents, punctuation and spacing
   * removed, so {@code "ACME, Inc."} and {@code "Acme Inc"} match. Adapters index it. It keeps
   * its first {@link Limits#NAME_KEY} code points: normalisation can make it longer than the name.
   */
  public static String nameKey(String name) {
    String n = Normalizer.normalize(name, Normalizer.Form.NFKD);
    n = MARKS.matcher(n).replaceAll("");
    return Check.cut(NOT_WORD.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ").strip(), Limits.NAME_KEY);
  }

  /** This account's {@link #nameKey(String) name key}. */
  public String nameKey() {
    return nameKey(name);
  }

  /**
   * Links the host's own key, e.g. its customer number.
   *
   * @throws ValidationException if it is null, blank or over 200 characters
   */
  public Account withExternalReference(String reference, Instant now) {
    return new Account(id, tenantId, version, name, domain,
        Optional.of(Check.text(reference, "externalReference", MAX_TEXT)), industry, owner,
        createdAt, now, fields);
  }

  /**
   * Renames the account.
   *
   * @throws ValidationException if it is null, blank or over 200 characters
   */
  public Account rename(String newName, Instant now) {
    return new Account(id, tenantId, version, Check.text(newName, "name", MAX_TEXT), domain,
        externalReference, industry, owner, createdAt, now, fields);
  }

  /**
   * Sets the industry; returns this very account when it already has it.
   *
   * @throws ValidationException if it is null
   */
  public Account withIndustry(Industry newIndustry, Instant now) {
    if (industry.equals(Optional.of(Check.notNull(newIndustry, "industry")))) {
      return this;
    }
    return new Account(id, tenantId, version, name, domain, externalReference,
        Optional.of(Check.notNull(newIndustry, "industry")), owner, createdAt, now, fields);
  }

  /**
   * Fills what the account lacks from a lead converted into it: the domain and the industry, each
   * only if the account has none; returns this very account when nothing was missing.
   *
   * @throws ValidationException if an argument is null
   */
  public Account fillFrom(Optional<String> d, Optional<Industry> i, Instant now) {
    Check.notNull(d, "domain");
    Check.notNull(i, "industry");
    Check.notNull(now, "now");
    Optional<String> nextDomain = domain.isPresent() ? domain : d.map(Account::checkDomain);
    Optional<Industry> nextIndustry = industry.isPresent() ? industry : i;
    if (nextDomain.equals(domain) && nextIndustry.equals(industry)) {
      return this;
    }
    return new Account(id, tenantId, version, name, nextDomain, externalReference, nextIndustry, owner,
        createdAt, now, fields);
  }

  /**
   * This account with other custom field values (checked against the tenant's fields by its
   * service); this very one when they are the same.
   *
   * @throws ValidationException if they are null
   */
  public Account withFields(CustomFields newFields, Instant now) {
    Check.notNull(newFields, "fields");
    Check.notNull(now, "now");
    if (newFields.equals(fields)) {
      return this;
    }
    return new Account(id, tenantId, version, name, domain, externalReference, industry, owner, createdAt, now, newFields);
  }
}
