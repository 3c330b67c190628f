package dev.rapport.crm.analytics;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The RFM segmentation of a period: see {@link AnalyticsService#segmentation}. Immutable.
 *
 * @param period the period
 * @param asOf the day recency is measured to: the period's last day or today, whichever is earlier
 * @param currency the reporting currency of the monetary values
 * @param customers every account invoiced in the period, best first: by R + F + M descending, then
 *     monetary value descending, then frequency descending, then account id
 * @param segments how many customers each segment has, every segment present (0 if empty), in
 *     {@link Segment} order
 */
public record Segmentation(Period period, LocalDate asOf, Currency currency, List<CustomerRfm> customers,
    Map<Segment, Long> segments) {

  /** Copies the lists and map: the answer stays as computed. */
  public Segmentation {
    customers = List.copyOf(customers);
    java.util.EnumMap<Segment, Long> copy = new java.util.EnumMap<>(Segment.class);
    copy.putAll(segments);
    segments = java.util.Collections.unmodifiableMap(copy);
  }

  /** The largest number of best customers {@link #best} returns. */
  public static final int MAX_BEST = 1000;

  /**
   * The best customers: the first {@code limit} of {@link #customers} (fewer if there are fewer).
   *
   * @throws ValidationException (field {@code limit}) if {@code limit} is not 1 to 1,000
   */
  public List<CustomerRfm> best(int limit) {
    Check.range(limit, "limit", 1, MAX_BEST);
    return customers.subList(0, Math.min(limit, customers.size()));
  }

  /**
   * The customers of one segment, in the order of {@link #customers}.
   *
   * @throws ValidationException if null
   */
  public List<CustomerRfm> of(Segment segment) {
    Check.notNull(segment, "segment");
    return customers.stream().filter(c -> c.segment() == segment).toList();
  }
}
