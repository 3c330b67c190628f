package dev.rapport.crm.contact;

import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What to merge: a survivor, the duplicates that go into it, and, field by field, whose value the
 * survivor keeps. An immutable value; {@link ContactService#merge} carries it out.
 *
 * <p>Without a choice, each field takes its documented default ({@link Field}): the survivor's
 * value, or where it has none the first duplicate's that has one; e-mail addresses and phone
 * numbers are joined; the most recent marketing consent wins, so a withdrawal is never lost.
 *
 * <p>Made {@linkplain #of(Contact, List) from the contacts as read}, the merge is refused with
 * {@link dev.rapport.crm.exception.ConcurrentUpdateException} if any of them changed since; made
 * {@linkplain #of(ContactId, List) from ids}, it merges them as they are when it runs.
 */
public final class ContactMergePlan {
  /** The most duplicates one merge takes. */
  public static final int MAX_DUPLICATES = 50;

  /** The fields a caller can take from a chosen contact of the merge, with their defaults. */
  public enum Field {
    /** The person's name. Default: the survivor's. */
    NAME,
    /** The account. Default: the survivor's, else the first duplicate's that has one. */
    ACCOUNT,
    /** The job title. Default: the survivor's, else the first duplicate's that has one. */
    TITLE,
    /** The owner. Default: the survivor's, else the first duplicate's that has one. */
    OWNER,
    /**
     * Which address is primary (first). Default: the survivor's. The other addresses of every
     * contact follow either way, the survivor's first, each once, up to
     * {@link dev.rapport.crm.common.Limits#EMAILS_PER_CONTACT}.
     */
    PRIMARY_EMAIL,
    /** Which number is primary (first); the numbers are joined as the addresses are. */
    PRIMARY_PHONE,
    /** The marketing consent. Default: the most recently recorded of all (the survivor's on a tie). */
    CONSENT
  }

  private final ContactId survivor;
  private final List<ContactId> duplicates;
  /** The version each contact was read at, by id; empty when made from ids. */
  private final Map<ContactId, Long> versions;
  private final Map<Field, ContactId> choices;

  private ContactMergePlan(ContactId survivor, List<ContactId> duplicates, Map<ContactId, Long> versions,
      Map<Field, ContactId> choices) {
    this.survivor = survivor;
    this.duplicates = duplicates;
    this.versions = versions;
    this.choices = choices;
  }

  /**
   * Merges {@code duplicates} into {@code survivor}, refusing if any of them is no longer at the
   * version read here.
   *
   * @throws ValidationException if an argument is null, holds null, is empty or holds more than
   *     {@value #MAX_DUPLICATES} contacts, names a contact twice (the survivor among its
   *     duplicates included), or holds contacts of different tenants
   */
  public static ContactMergePlan of(Contact survivor, List<Contact> duplicates) {
    Check.notNull(survivor, "survivor");
    Check.noNulls(duplicates, "duplicates");
    Map<ContactId, Long> versions = new java.util.HashMap<>();
    versions.put(survivor.id(), survivor.version());
    List<ContactId> ids = new ArrayList<>(duplicates.size());
    for (Contact c : duplicates) {
      if (!c.tenantId().equals(survivor.tenantId())) {
        throw new ValidationException("duplicates", "must belong to the survivor's tenant");
      }
      ids.add(c.id());
      versions.putIfAbsent(c.id(), c.version());
    }
    checkIds(survivor.id(), ids);
    return new ContactMergePlan(survivor.id(), List.copyOf(ids), Map.copyOf(versions), Map.of());
  }

  /**
   * Merges the contacts {@code duplicates} into the contact {@code survivor} as they are when the
   * merge runs.
   *
   * @throws ValidationException if an argument is null, holds null, is empty or holds more than
   *     {@value #MAX_DUPLICATES} ids, or names a contact twice (the survivor among its duplicates
   *     included)
   */
  public static ContactMergePlan of(ContactId survivor, List<ContactId> duplicates) {
    Check.notNull(survivor, "survivor");
    Check.noNulls(duplicates, "duplicates");
    List<ContactId> ids = List.copyOf(duplicates);
    checkIds(survivor, ids);
    return new ContactMergePlan(survivor, ids, Map.of(), Map.of());
  }

  private static void checkIds(ContactId survivor, List<ContactId> duplicates) {
    dev.rapport.crm.internal.MergeChecks.ids(survivor, duplicates, "contact", MAX_DUPLICATES);
  }

  /**
   * This plan, with the survivor keeping {@code field} as the contact {@code from} has it (the
   * survivor or one of the duplicates). Taking an empty value empties the field.
   *
   * @throws ValidationException if an argument is null or {@code from} is not in the merge
   */
  public ContactMergePlan taking(Field field, ContactId from) {
    Check.notNull(field, "field");
    Check.notNull(from, "from");
    if (!from.equals(survivor) && !duplicates.contains(from)) {
      throw new ValidationException("from", "must be the survivor or one of the duplicates");
    }
    Map<Field, ContactId> next = new EnumMap<>(Field.class);
    next.putAll(choices);
    next.put(field, from);
    return new ContactMergePlan(survivor, duplicates, versions, Collections.unmodifiableMap(next));
  }

  /** The contact that remains. */
  public ContactId survivor() {
    return survivor;
  }

  /** The contacts merged into the survivor, in the order given. */
  public List<ContactId> duplicates() {
    return duplicates;
  }

  /** The choices made with {@link #taking}; a field not in it takes its default. */
  public Map<Field, ContactId> choices() {
    return choices;
  }

  /** The version the contact was read at, if the plan was made from contacts as read. */
  public OptionalLong versionRead(ContactId id) {
    Long v = versions.get(id);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  @Override
  public String toString() {
    return "ContactMergePlan[survivor=" + survivor + ", duplicates=" + duplicates + ", choices=" + choices + "]";
  }

  /** The contact whose value of {@code field} the survivor takes, if the caller chose one. */
  Optional<ContactId> choice(Field field) {
    return Optional.ofNullable(choices.get(field));
  }
}
