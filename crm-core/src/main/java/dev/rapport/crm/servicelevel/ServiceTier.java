package dev.rapport.crm.servicelevel;

import dev.rapport.crm.common.Limits;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.service.CasePriority;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service tier: which accounts belong to it (any of its rules matches; the policy's last tier,
 * its default, has none), the least priority their cases get, and the targets per priority.
 * Immutable; build with {@link #named} and the {@code with...} methods.
 *
 * @param name its name, 1 to {@value Limits#CODE} characters, unique in the policy (case aside)
 * @param rules an account belongs to the tier when any of these matches, at most 20
 * @param minimumPriority a case of one of its accounts is opened at least at this priority
 * @param targets the targets of each priority: every priority has one
 */
public record ServiceTier(String name, List<TierRule> rules, Optional<CasePriority> minimumPriority,
    Map<CasePriority, ServiceTarget> targets) {

  /** The most rules a tier has. */
  public static final int MAX_RULES = 20;

  /**
   * @throws ValidationException if a part is null, the name blank or too long, more than 20 rules,
   *     or a priority without target
   */
  public ServiceTier {
    name = Check.text(name, "tier.name", Limits.CODE);
    rules = List.copyOf(Check.noNulls(Check.size(Check.notNull(rules, "tier.rules"), "tier.rules", MAX_RULES), "tier.rules"));
    Check.notNull(minimumPriority, "tier.minimumPriority");
    Check.notNull(targets, "tier.targets");
    EnumMap<CasePriority, ServiceTarget> all = new EnumMap<>(CasePriority.class);
    for (CasePriority p : CasePriority.values()) {
      ServiceTarget t = targets.get(p);
      if (t == null) {
        throw new ValidationException("tier.targets", "must hold a target for every priority: none for " + p);
      }
      all.put(p, t);
    }
    if (targets.size() != all.size()) {
      throw new ValidationException("tier.targets", "must hold only priorities");
    }
    targets = java.util.Collections.unmodifiableMap(all);
  }

  /**
   * A tier with the same target for every priority, no rule and no minimum priority.
   *
   * @throws ValidationException if an argument is null, or the name blank or longer than {@value Limits#CODE} characters
   */
  public static ServiceTier named(String name, ServiceTarget everyPriority) {
    Check.notNull(everyPriority, "tier.targets");
    EnumMap<CasePriority, ServiceTarget> t = new EnumMap<>(CasePriority.class);
    for (CasePriority p : CasePriority.values()) {
      t.put(p, everyPriority);
    }
    return new ServiceTier(name, List.of(), Optional.empty(), t);
  }

  /**
   * This tier with one more rule: an account belongs to it when any rule matches.
   *
   * @throws ValidationException if the rule is null or the tier has 20 rules
   */
  public ServiceTier when(TierRule rule) {
    List<TierRule> next = new ArrayList<>(rules);
    next.add(Check.notNull(rule, "tier.rules"));
    return new ServiceTier(name, next, minimumPriority, targets);
  }

  /**
   * This tier with another target for one priority.
   *
   * @throws ValidationException if an argument is null
   */
  public ServiceTier withTarget(CasePriority priority, ServiceTarget target) {
    Check.notNull(priority, "priority");
    EnumMap<CasePriority, ServiceTarget> t = new EnumMap<>(targets);
    t.put(priority, Check.notNull(target, "tier.targets"));
    return new ServiceTier(name, rules, minimumPriority, t);
  }

  /**
   * This tier with a least priority: its accounts' cases are opened at least at it.
   *
   * @throws ValidationException if it is null
   */
  public ServiceTier atLeast(CasePriority priority) {
    return new ServiceTier(name, rules, Optional.of(Check.notNull(priority, "tier.minimumPriority")), targets);
  }

  /** The target of a priority. */
  public ServiceTarget target(CasePriority priority) {
    return targets.get(priority);
  }
}
