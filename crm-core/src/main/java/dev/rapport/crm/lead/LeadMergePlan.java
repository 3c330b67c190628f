package dev.rapport.crm.lead;

import dev.rapport.crm.common.LeadId;
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
 * What to merge: a survivor lead, the duplicates that go into it, and, field by field, whose value
 * the survivor keeps. An immutable value; {@link LeadService#merge} carries it out.
 *
 * <p>Without a choice, each field takes its documented default ({@link Field}): the survivor's
 * value, or where it has none the first duplicate's that has one. The engagement signals of all
 * are joined (and the temperature evaluated on them); status, source, score and the survivor's
 * own history stay the survivor's.
 *
 * <p>Made {@linkplain #of(Lead, List) from the leads as read}, the merge is refused with
 * {@link dev.rapport.crm.exception.ConcurrentUpdateException} if any of them changed since; made
 * {@linkplain #of(LeadId, List) from ids}, it merges them as they are when it runs.
 */
public final class LeadMergePlan {
  /** The most duplicates one merge takes. */
  public static final int MAX_DUPLICATES = 50;

  /** The fields a caller can take from a chosen lead of the merge; each defaults to the survivor's, else the first duplicate's that has one. */
  public enum Field {
    /** The person's name (every lead has one: default the survivor's). */
    NAME,
    /** The e-mail address. */
    EMAIL,
    /** The phone number. */
    PHONE,
    /** The company. */
    COMPANY,
    /** The job title. */
    TITLE,
    /** The owner. */
    OWNER,
    /** The campaign the lead is attributed to. */
    CAMPAIGN,
    /** The industry. */
    INDUSTRY
  }

  private final LeadId survivor;
  private final List<LeadId> duplicates;
  /** The version each lead was read at, by id; empty when made from ids. */
  private final Map<LeadId, Long> versions;
  private final Map<Field, LeadId> choices;

  private LeadMergePlan(LeadId survivor, List<LeadId> duplicates, Map<LeadId, Long> versions,
      Map<Field, LeadId> choices) {
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
   *     {@value #MAX_DUPLICATES} leads, names a lead twice (the survivor among its
   *     duplicates included), or holds leads of different tenants
   */
  public static LeadMergePlan of(Lead survivor, List<Lead> duplicates) {
    Check.notNull(survivor, "survivor");
    Check.noNulls(duplicates, "duplicates");
    Map<LeadId, Long> versions = new java.util.HashMap<>();
    versions.put(survivor.id(), survivor.version());
    List<LeadId> ids = new ArrayList<>(duplicates.size());
    for (Lead c : duplicates) {
      if (!c.tenantId().equals(survivor.tenantId())) {
        throw new ValidationException("duplicates", "must belong to the survivor's tenant");
      }
      ids.add(c.id());
      versions.putIfAbsent(c.id(), c.version());
    }
    checkIds(survivor.id(), ids);
    return new LeadMergePlan(survivor.id(), List.copyOf(ids), Map.copyOf(versions), Map.of());
  }

  /**
   * Merges the leads {@code duplicates} into the lead {@code survivor} as they are when the
   * merge runs.
   *
   * @throws ValidationException if an argument is null, holds null, is empty or holds more than
   *     {@value #MAX_DUPLICATES} ids, or names a lead twice (the survivor among its duplicates
   *     included)
   */
  public static LeadMergePlan of(LeadId survivor, List<LeadId> duplicates) {
    Check.notNull(survivor, "survivor");
    Check.noNulls(duplicates, "duplicates");
    List<LeadId> ids = List.copyOf(duplicates);
    checkIds(survivor, ids);
    return new LeadMergePlan(survivor, ids, Map.of(), Map.of());
  }

  private static void checkIds(LeadId survivor, List<LeadId> duplicates) {
    dev.rapport.crm.internal.MergeChecks.ids(survivor, duplicates, "lead", MAX_DUPLICATES);
  }

  /**
   * This plan, with the survivor keeping {@code field} as the lead {@code from} has it (the
   * survivor or one of the duplicates). Taking an empty value empties the field.
   *
   * @throws ValidationException if an argument is null or {@code from} is not in the merge
   */
  public LeadMergePlan taking(Field field, LeadId from) {
    Check.notNull(field, "field");
    Check.notNull(from, "from");
    if (!from.equals(survivor) && !duplicates.contains(from)) {
      throw new ValidationException("from", "must be the survivor or one of the duplicates");
    }
    Map<Field, LeadId> next = new EnumMap<>(Field.class);
    next.putAll(choices);
    next.put(field, from);
    return new LeadMergePlan(survivor, duplicates, versions, Collections.unmodifiableMap(next));
  }

  /** The lead that remains. */
  public LeadId survivor() {
    return survivor;
  }

  /** The leads merged into the survivor, in the order given. */
  public List<LeadId> duplicates() {
    return duplicates;
  }

  /** The choices made with {@link #taking}; a field not in it takes its default. */
  public Map<Field, LeadId> choices() {
    return choices;
  }

  /** The version the lead was read at, if the plan was made from leads as read. */
  public OptionalLong versionRead(LeadId id) {
    Long v = versions.get(id);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  @Override
  public String toString() {
    return "LeadMergePlan[survivor=" + survivor + ", duplicates=" + duplicates + ", choices=" + choices + "]";
  }

  /** The lead whose value of {@code field} the survivor takes, if the caller chose one. */
  Optional<LeadId> choice(Field field) {
    return Optional.ofNullable(choices.get(field));
  }
}
