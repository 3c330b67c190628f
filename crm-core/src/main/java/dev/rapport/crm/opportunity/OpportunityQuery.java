package dev.rapport.crm.opportunity;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import java.util.Map;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.common.LeadSource;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which opportunities a query returns: every given criterion must hold (an empty set or absent
 * value means any). Build with {@link #all()} and the {@code with...} methods, e.g.
 * {@code OpportunityQuery.all().withStatuses(Set.of(OPEN)).withExpectedClose(firstOfMonth, lastOfMonth)}.
 *
 * @param statuses one of these statuses
 * @param stages in one of these stages (names as the pipeline spells them)
 * @param accountId sold to this account
 * @param owner worked by this owner
 * @param sources from a lead of one of these sources ({@link Opportunity#source()}; an opportunity
 *     without a source never matches a non-empty set)
 * @param expectedCloseFrom expected to close on or after this day (an opportunity without an
 *     expected close date never matches a bound)
 * @param expectedCloseTo expected to close on or before this day
 * @param fields each of these custom field values (by key)
 */
public record OpportunityQuery(Set<OpportunityStatus> statuses, Set<String> stages,
    Optional<AccountId> accountId, Optional<String> owner, Set<LeadSource> sources,
    Optional<LocalDate> expectedCloseFrom, Optional<LocalDate> expectedCloseTo, Map<String, FieldValue> fields) {

  /**
   * @throws ValidationException if a part is null or holds null, a set has more than
   *     {@link Limits#QUERY_VALUES} values, a stage name or the owner is blank or too long, a
   *     bound is outside {@link Limits#EARLIEST_DATE} to {@link Limits#LATEST_DATE}, or
   *     {@code expectedCloseTo} is before {@code expectedCloseFrom}
   */
  public OpportunityQuery {
    fields = CustomFields.criteria(fields);
    statuses = Set.copyOf(Check.size(statuses, "statuses", Limits.QUERY_VALUES));
    stages = Check.size(stages, "stages", Limits.QUERY_VALUES).stream()
        .map(s -> Check.text(s, "stages", Limits.STAGE_NAME))
        .collect(Collectors.toUnmodifiableSet());
    Check.notNull(accountId, "accountId");
    Check.notNull(owner, "owner");
    owner = owner.map(o -> Check.text(o, "owner", Opportunity.MAX_TEXT));
    sources = Set.copyOf(Check.size(sources, "sources", Limits.QUERY_VALUES));
    Check.notNull(expectedCloseFrom, "expectedCloseFrom");
    Check.notNull(expectedCloseTo, "expectedCloseTo");
    expectedCloseFrom.ifPresent(d -> Check.date(d, "expectedCloseFrom"));
    expectedCloseTo.ifPresent(d -> Check.date(d, "expectedCloseTo"));
    if (expectedCloseFrom.isPresent() && expectedCloseTo.isPresent()
        && expectedCloseTo.get().isBefore(expectedCloseFrom.get())) {
      throw new ValidationException("expectedCloseTo", "must not be before expectedCloseFrom");
    }
  }

  /** Every opportunity of the tenant. */
  public static OpportunityQuery all() {
    return new OpportunityQuery(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Set.of(),
        Optional.empty(), Optional.empty(), Map.of());
  }

  /**
   * Also requiring one of these statuses.
   *
   * @throws ValidationException if null, holding null or over {@link Limits#QUERY_VALUES} values
   */
  public OpportunityQuery withStatuses(Set<OpportunityStatus> s) {
    return new OpportunityQuery(s, stages, accountId, owner, sources, expectedCloseFrom, expectedCloseTo, fields);
  }

  /**
   * Also requiring one of these stages, named as the pipeline spells them.
   *
   * @throws ValidationException if null, holding null or a blank or too long name
   */
  public OpportunityQuery withStages(Set<String> s) {
    return new OpportunityQuery(statuses, s, accountId, owner, sources, expectedCloseFrom, expectedCloseTo, fields);
  }

  /**
   * Also requiring this account.
   *
   * @throws ValidationException if null
   */
  public OpportunityQuery withAccount(AccountId id) {
    return new OpportunityQuery(statuses, stages, Optional.of(Check.notNull(id, "accountId")), owner,
        sources, expectedCloseFrom, expectedCloseTo, fields);
  }

  /**
   * Also requiring this owner.
   *
   * @throws ValidationException if null, blank or too long
   */
  public OpportunityQuery withOwner(String o) {
    return new OpportunityQuery(statuses, stages, accountId,
        Optional.of(Check.text(o, "owner", Opportunity.MAX_TEXT)), sources, expectedCloseFrom, expectedCloseTo, fields);
  }

  /**
   * Also requiring an opportunity converted from a lead of one of these sources.
   *
   * @throws ValidationException if null, holding null or over {@link Limits#QUERY_VALUES} values
   */
  public OpportunityQuery withSources(Set<LeadSource> s) {
    return new OpportunityQuery(statuses, stages, accountId, owner, s, expectedCloseFrom, expectedCloseTo, fields);
  }

  /**
   * Also requiring an expected close date in {@code [from, to]}, both days included; either may be
   * null for an open end. Opportunities without an expected close date do not match.
   *
   * @throws ValidationException if {@code to} is before {@code from}, or either is outside
   *     {@link Limits#EARLIEST_DATE} to {@link Limits#LATEST_DATE}
   */
  public OpportunityQuery withExpectedClose(LocalDate from, LocalDate to) {
    return new OpportunityQuery(statuses, stages, accountId, owner, sources, Optional.ofNullable(from),
        Optional.ofNullable(to), fields);
  }

  /**
   * Also requiring the custom field {@code key} to hold {@code value} (a {@code CHOICES} value
   * matches the same set of options).
   *
   * @throws ValidationException if either is null, or the key is not a field key
   */
  public OpportunityQuery withField(String key, FieldValue value) {
    Map<String, FieldValue> next = CustomFields.of(fields).with(key, value).values();
    return new OpportunityQuery(statuses, stages, accountId, owner, sources, expectedCloseFrom, expectedCloseTo, next);
  }

  /** Whether the opportunity meets every criterion. Adapters may use it to filter candidates. */
  public boolean matches(Opportunity o) {
    return (statuses.isEmpty() || statuses.contains(o.status()))
        && (stages.isEmpty() || stages.contains(o.stage()))
        && (accountId.isEmpty() || accountId.equals(Optional.of(o.accountId())))
        && (owner.isEmpty() || owner.equals(o.owner()))
        && (sources.isEmpty() || o.source().filter(sources::contains).isPresent())
        && (expectedCloseFrom.isEmpty() && expectedCloseTo.isEmpty() || closesWithin(o))
        && o.fields().holds(fields);
  }

  private boolean closesWithin(Opportunity o) {
    if (o.expectedCloseDate().isEmpty()) {
      return false;
    }
    LocalDate d = o.expectedCloseDate().get();
    return (expectedCloseFrom.isEmpty() || !d.isBefore(expectedCloseFrom.get()))
        && (expectedCloseTo.isEmpty() || !d.isAfter(expectedCloseTo.get()));
  }
}
