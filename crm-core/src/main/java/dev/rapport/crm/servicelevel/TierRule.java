package dev.rapport.crm.servicelevel;

import dev.rapport.crm.analytics.ChurnRisk;
import dev.rapport.crm.analytics.Segment;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.sales.PayerClass;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What puts an account in a {@link ServiceTier}: one fact Rapport knows about the customer, judged
 * over the policy's look-back period ({@link ServicePolicy#lookbackDays()}) when it is about sales.
 * Build one with the static factories; an immutable value whose unused parts are empty.
 *
 * @param kind which fact
 * @param segments {@link Kind#SEGMENT}: the account's RFM segment is one of these
 *     ({@code crm.analytics().segmentation})
 * @param top {@link Kind#BEST_CUSTOMER}: the account is among this many best customers by revenue
 *     ({@code crm.sales().bestCustomers}), 1 to 1,000; else 0
 * @param revenue {@link Kind#REVENUE}: the account's revenue (the RFM monetary value) is at least this
 * @param payerClasses {@link Kind#PAYER_CLASS}: the account's payer class, as last refreshed by
 *     {@code crm.sales().refreshPayerClasses()} (never: on time), is one of these
 * @param churnRisk {@link Kind#CHURN_RISK}: the account's churn risk ({@code
 *     crm.analytics().churnRisk()}) is at least this level
 * @param field {@link Kind#FLAG}: the key of an account custom field ...
 * @param value {@link Kind#FLAG}: ... that holds this value (e.g. a {@code BOOLEAN} field
 *     {@code key_account} that is true)
 */
public record TierRule(Kind kind, Set<Segment> segments, int top, Optional<Money> revenue,
    Set<PayerClass> payerClasses, Optional<ChurnRisk.Level> churnRisk, Optional<String> field,
    Optional<FieldValue> value) {

  /** The facts a rule can test. */
  public enum Kind {
    /** The RFM segment. */
    SEGMENT,
    /** The rank among the best customers by revenue. */
    BEST_CUSTOMER,
    /** The revenue over the period. */
    REVENUE,
    /** The payer class. */
    PAYER_CLASS,
    /** The churn risk. */
    CHURN_RISK,
    /** An explicit flag: a custom field of the account. */
    FLAG
  }

  /**
   * @throws ValidationException (field {@code rule}) if a part is null, or the parts do not fit
   *     the kind (a part of another kind set, the kind's own part missing or empty); (field
   *     {@code rule.top}) if {@code top} is not 1 to 1,000 for a best-customer rule, or not 0 for
   *     another; (field {@code rule.field}) if the field key is blank or longer than {@value
   *     dev.rapport.crm.common.Limits#CODE} characters
   */
  public TierRule {
    Check.notNull(kind, "rule.kind");
    segments = Set.copyOf(Check.noNulls(Check.notNull(segments, "rule.segments"), "rule.segments"));
    Check.notNull(revenue, "rule.revenue");
    payerClasses = Set.copyOf(Check.noNulls(Check.notNull(payerClasses, "rule.payerClasses"), "rule.payerClasses"));
    Check.notNull(churnRisk, "rule.churnRisk");
    Check.notNull(field, "rule.field");
    field = field.map(f -> Check.text(f, "rule.field", dev.rapport.crm.common.Limits.CODE));
    Check.notNull(value, "rule.value");
    if (kind == Kind.BEST_CUSTOMER) {
      Check.range(top, "rule.top", 1, 1_000);
    } else if (top != 0) {
      throw new ValidationException("rule.top", "must be 0 for a " + kind + " rule");
    }
    boolean fits = switch (kind) {
      case SEGMENT -> !segments.isEmpty() && top == 0 && revenue.isEmpty() && payerClasses.isEmpty() && churnRisk.isEmpty() && field.isEmpty();
      case BEST_CUSTOMER -> segments.isEmpty() && top >= 1 && top <= 1_000 && revenue.isEmpty() && payerClasses.isEmpty() && churnRisk.isEmpty() && field.isEmpty();
      case REVENUE -> segments.isEmpty() && top == 0 && revenue.isPresent() && payerClasses.isEmpty() && churnRisk.isEmpty() && field.isEmpty();
      case PAYER_CLASS -> segments.isEmpty() && top == 0 && revenue.isEmpty() && !payerClasses.isEmpty() && churnRisk.isEmpty() && field.isEmpty();
      case CHURN_RISK -> segments.isEmpty() && top == 0 && revenue.isEmpty() && payerClasses.isEmpty() && churnRisk.isPresent() && field.isEmpty();
      case FLAG -> segments.isEmpty() && top == 0 && revenue.isEmpty() && payerClasses.isEmpty() && churnRisk.isEmpty() && field.isPresent();
    };
    if (!fits || field.isPresent() != value.isPresent()) {
      throw new ValidationException("rule", "the parts of a " + kind + " rule must be its own, and present");
    }
  }

  /**
   * The account's RFM segment is one of these, named as {@link Segment} (e.g. {@code "CHAMPIONS"},
   * any case).
   *
   * @throws ValidationException (field {@code rule.segments}) if none is given, or a name is null
   *     or names no segment
   */
  public static TierRule segment(String... names) {
    Check.notNull(names, "rule.segments");
    if (names.length == 0) {
      throw new ValidationException("rule.segments", "must name at least one segment");
    }
    EnumSet<Segment> set = EnumSet.noneOf(Segment.class);
    for (String n : names) {
      Check.notNull(n, "rule.segments");
      try {
        set.add(Segment.valueOf(n.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ValidationException("rule.segments", "must name a segment, one of "
            + Arrays.stream(Segment.values()).map(Enum::name).collect(Collectors.joining(", ")) + ": " + n);
      }
    }
    return new TierRule(Kind.SEGMENT, set, 0, Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The account is among the {@code top} best customers by revenue over the period.
   *
   * @throws ValidationException (field {@code rule.top}) if {@code top} is not 1 to 1,000
   */
  public static TierRule bestCustomers(int top) {
    return new TierRule(Kind.BEST_CUSTOMER, Set.of(), top, Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The account's revenue over the period, in the reporting currency, is at least {@code amount}.
   *
   * @throws ValidationException (field {@code rule.revenue}) if it is null
   */
  public static TierRule revenueAtLeast(Money amount) {
    Check.notNull(amount, "rule.revenue");
    return new TierRule(Kind.REVENUE, Set.of(), 0, Optional.of(amount), Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The account's payer class is one of these.
   *
   * @throws ValidationException (field {@code rule.payerClasses}) if none is given or one is null
   */
  public static TierRule payerClass(PayerClass... classes) {
    Check.notNull(classes, "rule.payerClasses");
    if (classes.length == 0) {
      throw new ValidationException("rule.payerClasses", "must name at least one payer class");
    }
    return new TierRule(Kind.PAYER_CLASS, Set.of(), 0, Optional.empty(), Set.copyOf(Check.noNulls(Arrays.asList(classes), "rule.payerClasses")),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The account's churn risk is at least {@code level}.
   *
   * @throws ValidationException (field {@code rule.churnRisk}) if it is null
   */
  public static TierRule churnRiskAtLeast(ChurnRisk.Level level) {
    Check.notNull(level, "rule.churnRisk");
    return new TierRule(Kind.CHURN_RISK, Set.of(), 0, Optional.empty(), Set.of(), Optional.of(level), Optional.empty(), Optional.empty());
  }

  /**
   * The account's custom field {@code key} holds {@code value}: a flag the tenant sets by hand.
   *
   * @throws ValidationException (field {@code rule.field}) if an argument is null, or the key
   *     blank or longer than {@value dev.rapport.crm.common.Limits#CODE} characters
   */
  public static TierRule flag(String key, FieldValue value) {
    Check.notNull(key, "rule.field");
    Check.notNull(value, "rule.value");
    return new TierRule(Kind.FLAG, Set.of(), 0, Optional.empty(), Set.of(), Optional.empty(), Optional.of(key), Optional.of(value));
  }

  /** Whether the account with these facts meets the rule. */
  boolean matches(TierFacts.Of account) {
    return switch (kind) {
      case SEGMENT -> account.segment().filter(segments::contains).isPresent();
      case BEST_CUSTOMER -> account.bestRank().filter(r -> r < top).isPresent();
      case REVENUE -> account.revenue().filter(r -> r.compareTo(revenue.get().amount()) >= 0).isPresent();
      case PAYER_CLASS -> payerClasses.contains(account.payerClass());
      case CHURN_RISK -> account.churn().filter(l -> l.compareTo(churnRisk.get()) >= 0).isPresent();
      case FLAG -> account.fields().get(field.get()).filter(value.get()::equals).isPresent();
    };
  }
}
