package dev.rapport.crm.servicelevel;

import dev.rapport.crm.common.BusinessCalendar;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How a tenant serves its customers by their value: the tiers, best first, each with the rules that
 * put an account in it (the first tier whose rule matches wins; the last tier, which has no rule,
 * takes every other account), the least priority and the targets of its cases; the business
 * calendar the targets are measured in; when a target counts as at risk; and how far back the
 * sales facts of the rules look. Immutable; build with {@link #of} and the {@code with...} methods.
 *
 * @param calendar the business hours the targets count
 * @param tiers the tiers, best first; the last is the default and has no rule, every other has at
 *     least one; 1 to 20, names unique (case aside)
 * @param atRiskPercent a target is at risk once this share of it is used, 1 to 99
 * @param lookbackDays the sales facts of the rules (segment, best customers, revenue) cover the
 *     days ending today, 1 to 3,660
 */
public record ServicePolicy(BusinessCalendar calendar, List<ServiceTier> tiers, int atRiskPercent, int lookbackDays) {

  /** The most tiers a policy has. */
  public static final int MAX_TIERS = 20;

  /**
   * @throws ValidationException if a part is null; (field {@code tiers}) there are none or more
   *     than 20, two share a name, the last has a rule or another has none; the share is not 1 to
   *     99 or the look-back not 1 to 3,660 days
   */
  public ServicePolicy {
    Check.notNull(calendar, "calendar");
    tiers = List.copyOf(Check.noNulls(Check.size(Check.notNull(tiers, "tiers"), "tiers", MAX_TIERS), "tiers"));
    if (tiers.isEmpty()) {
      throw new ValidationException("tiers", "must hold at least the default tier");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tiers.size(); i++) {
      ServiceTier t = tiers.get(i);
      if (!names.add(t.name().toLowerCase(Locale.ROOT))) {
        throw new ValidationException("tiers", "must have unique names: " + t.name() + " twice");
      }
      boolean last = i == tiers.size() - 1;
      if (last && !t.rules().isEmpty()) {
        throw new ValidationException("tiers", "the last tier is the default and must have no rule: " + t.name());
      }
      if (!last && t.rules().isEmpty()) {
        throw new ValidationException("tiers", "every tier but the last must have a rule: " + t.name());
      }
    }
    Check.range(atRiskPercent, "atRiskPercent", 1, 99);
    Check.range(lookbackDays, "lookbackDays", 1, 3_660);
  }

  /**
   * A policy of these tiers, best first, the last one the default; at risk at 80 % of a target;
   * sales facts over the last 365 days.
   *
   * @throws ValidationException as the canonical constructor
   */
  public static ServicePolicy of(BusinessCalendar calendar, ServiceTier... tiers) {
    Check.notNull(tiers, "tiers");
    return new ServicePolicy(calendar, new ArrayList<>(java.util.Arrays.asList(tiers)), 80, 365);
  }

  /**
   * This policy with another at-risk share.
   *
   * @throws ValidationException (field {@code atRiskPercent}) if it is not 1 to 99
   */
  public ServicePolicy withAtRiskPercent(int percent) {
    return new ServicePolicy(calendar, tiers, percent, lookbackDays);
  }

  /**
   * This policy with another look-back.
   *
   * @throws ValidationException (field {@code lookbackDays}) if it is not 1 to 3,660
   */
  public ServicePolicy withLookbackDays(int days) {
    return new ServicePolicy(calendar, tiers, atRiskPercent, days);
  }

  /**
   * This policy with another calendar.
   *
   * @throws ValidationException if it is null
   */
  public ServicePolicy withCalendar(BusinessCalendar c) {
    return new ServicePolicy(c, tiers, atRiskPercent, lookbackDays);
  }

  /** The default tier: the last. */
  public ServiceTier defaultTier() {
    return tiers.get(tiers.size() - 1);
  }

  /** The tier of this name (as written), or empty. */
  public Optional<ServiceTier> tier(String name) {
    return tiers.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * The tier an account was last given, if the policy still has it; else (never tiered, or a tier
   * the policy no longer has) the default.
   *
   * @throws ValidationException if {@code given} is null
   */
  public ServiceTier tierOrDefault(Optional<String> given) {
    return Check.notNull(given, "tier").flatMap(this::tier).orElseGet(this::defaultTier);
  }

  /** The rank of the tier of this name: 0 for the best; -1 if there is none. */
  public int rank(String name) {
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The first tier with a rule the account's facts match, else the default. */
  ServiceTier tierOf(TierFacts.Of account) {
    for (ServiceTier t : tiers) {
      if (t.rules().stream().anyMatch(r -> r.matches(account))) {
        return t;
      }
    }
    return defaultTier();
  }

  /** The kinds of rule the policy uses. */
  Set<TierRule.Kind> kinds() {
    Set<TierRule.Kind> kinds = java.util.EnumSet.noneOf(TierRule.Kind.class);
    tiers.forEach(t -> t.rules().forEach(r -> kinds.add(r.kind())));
    return kinds;
  }
}
