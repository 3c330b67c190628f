package dev.rapport.crm.lead;

import dev.rapport.crm.common.Industry;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which leads a query returns: every given criterion must hold (an empty set or absent value
 * means any). Build with {@link #all()} and the {@code with...} methods, e.g.
 * {@code LeadQuery.all().withTemperatures(Set.of(HOT)).withOwner("ann")}.
 *
 * @param statuses the lead must have one of these statuses
 * @param temperatures the lead must have one of these temperatures
 * @param sources the lead must have come from one of these sources
 * @param owner the lead must belong to this owner
 * @param createdFrom the lead was captured at or after this instant
 * @param createdBefore the lead was captured before this instant
 * @param industries the lead's industry must be one of these (a lead of no known industry
 *     matches only when the set is empty)
 * @param fields the lead must have each of these custom field values (by key)
 */
public record LeadQuery(Set<LeadStatus> statuses, Set<Temperature> temperatures,
    Set<LeadSource> sources, Optional<String> owner, Optional<Instant> createdFrom,
    Optional<Instant> createdBefore, Set<Industry> industries, Map<String, FieldValue> fields) {

  /**
   * @throws ValidationException if a part is null or holds null, the owner is blank or too long,
   *     or a bound is outside {@link dev.rapport.crm.common.Limits#EARLIEST_INSTANT} to
   *     {@link dev.rapport.crm.common.Limits#LATEST_INSTANT}
   */
  public LeadQuery {
    statuses = Set.copyOf(Check.size(statuses, "statuses", Limits.QUERY_VALUES));
    temperatures = Set.copyOf(Check.size(temperatures, "temperatures", Limits.QUERY_VALUES));
    sources = Set.copyOf(Check.size(sources, "sources", Limits.QUERY_VALUES));
    Check.notNull(owner, "owner");
    owner = owner.map(o -> Check.text(o, "owner", Lead.MAX_TEXT));
    Check.notNull(createdFrom, "createdFrom");
    Check.notNull(createdBefore, "createdBefore");
    createdFrom = createdFrom.map(i -> bound(i, "createdFrom"));
    createdBefore = createdBefore.map(i -> bound(i, "createdBefore"));
    industries = Set.copyOf(Check.size(industries, "industries", Limits.QUERY_VALUES));
    fields = CustomFields.criteria(fields);
  }

  /**
   * A bound within the supported range, rounded up to the microsecond: stored instants are whole
   * microseconds, so {@code >= t} and {@code < t} select the same leads as with {@code t} rounded up.
   */
  private static Instant bound(Instant i, String field) {
    Check.instant(i, field);
    Instant micros = i.truncatedTo(ChronoUnit.MICROS);
    return micros.equals(i) ? i : Check.instant(micros.plus(1, ChronoUnit.MICROS), field);
  }

  /** Every lead of the tenant. */
  public static LeadQuery all() {
    return new LeadQuery(Set.of(), Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        Set.of(), Map.of());
  }

  /**
   * Also requiring one of these statuses.
   *
   * @throws ValidationException if null or holding null
   */
  public LeadQuery withStatuses(Set<LeadStatus> s) {
    return new LeadQuery(s, temperatures, sources, owner, createdFrom, createdBefore, industries, fields);
  }

  /**
   * Also requiring one of these temperatures.
   *
   * @throws ValidationException if null or holding null
   */
  public LeadQuery withTemperatures(Set<Temperature> t) {
    return new LeadQuery(statuses, t, sources, owner, createdFrom, createdBefore, industries, fields);
  }

  /**
   * Also requiring one of these sources.
   *
   * @throws ValidationException if null or holding null
   */
  public LeadQuery withSources(Set<LeadSource> s) {
    return new LeadQuery(statuses, temperatures, s, owner, createdFrom, createdBefore, industries, fields);
  }

  /**
   * Also requiring this owner.
   *
   * @throws ValidationException if null, blank or over 200 characters
   */
  public LeadQuery withOwner(String o) {
    return new LeadQuery(statuses, temperatures, sources,
        Optional.of(Check.text(o, "owner", Lead.MAX_TEXT)), createdFrom, createdBefore, industries, fields);
  }

  /**
   * Also requiring capture in {@code [from, before)}; either may be null for an open end.
   *
   * @throws ValidationException if both are given and {@code before} is not after {@code from},
   *     or either is outside {@link dev.rapport.crm.common.Limits#EARLIEST_INSTANT} to
   *     {@link dev.rapport.crm.common.Limits#LATEST_INSTANT}
   */
  public LeadQuery withCreated(Instant from, Instant before) {
    if (from != null && before != null && !before.isAfter(from)) {
      throw new ValidationException("createdBefore", "must be after createdFrom");
    }
    return new LeadQuery(statuses, temperatures, sources, owner, Optional.ofNullable(from),
        Optional.ofNullable(before), industries, fields);
  }

  /**
   * Also requiring one of these industries.
   *
   * @throws ValidationException if null, holding null, or over {@link Limits#QUERY_VALUES} values
   */
  public LeadQuery withIndustries(Set<Industry> i) {
    return new LeadQuery(statuses, temperatures, sources, owner, createdFrom, createdBefore, i, fields);
  }

  /**
   * Also requiring the custom field {@code key} to hold {@code value} (a {@code CHOICES} value
   * matches the same set of options).
   *
   * @throws ValidationException if either is null, or the key is not a field key
   */
  public LeadQuery withField(String key, FieldValue value) {
    Map<String, FieldValue> next = CustomFields.of(fields).with(key, value).values();
    return new LeadQuery(statuses, temperatures, sources, owner, createdFrom, createdBefore, industries, next);
  }

  /** Whether the lead meets every criterion. Adapters may use it to filter candidates. */
  public boolean matches(Lead lead) {
    return (statuses.isEmpty() || statuses.contains(lead.status()))
        && (temperatures.isEmpty() || temperatures.contains(lead.temperature()))
        && (sources.isEmpty() || sources.contains(lead.source()))
        && (owner.isEmpty() || owner.equals(lead.owner()))
        && (createdFrom.isEmpty() || !lead.createdAt().isBefore(createdFrom.get()))
        && (createdBefore.isEmpty() || lead.createdAt().isBefore(createdBefore.get()))
        && (industries.isEmpty() || lead.industry().filter(industries::contains).isPresent())
        && lead.fields().holds(fields);
  }
}
