package dev.rapport.crm.analytics;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers: from {@code from} to {@code to}, both included, in the zone of the
 * {@code Crm}'s clock (a lead captured at 23:30 local time on the last day is in; one at 00:10 the
 * next day is not). Immutable.
 *
 * @param from the first day
 * @param to the last day, not before {@code from}
 */
public record Period(LocalDate from, LocalDate to) {

  /**
   * @throws ValidationException (field {@code period.from} or {@code period.to}) if a day is null
   *     or outside 1900-01-01 to 9999-12-30, or {@code to} is before {@code from}
   */
  public Period {
    Check.date(from, "period.from");
    Check.date(to, "period.to");
    if (to.isBefore(from)) {
      throw new ValidationException("period.to", "must not be before period.from " + from);
    }
    if (!to.isBefore(dev.rapport.crm.common.Limits.LATEST_DATE)) {
      throw new ValidationException("period.to", "must be before " + dev.rapport.crm.common.Limits.LATEST_DATE);
    }
  }

  /**
   * The days from {@code from} to {@code to}, both included.
   *
   * @throws ValidationException as the constructor
   */
  public static Period of(LocalDate from, LocalDate to) {
    return new Period(from, to);
  }

  /**
   * One calendar month.
   *
   * @throws ValidationException (field {@code period.from}) if the month is null or out of range
   */
  public static Period month(YearMonth month) {
    Check.notNull(month, "period.from");
    return new Period(month.atDay(1), month.atEndOfMonth());
  }

  /**
   * Whole calendar months, from the first day of {@code first} to the last day of {@code last}.
   *
   * @throws ValidationException (field {@code period.from} or {@code period.to}) if a month is
   *     null or out of range, or {@code last} is before {@code first}
   */
  public static Period months(YearMonth first, YearMonth last) {
    Check.notNull(first, "period.from");
    Check.notNull(last, "period.to");
    return new Period(first.atDay(1), last.atEndOfMonth());
  }

  /**
   * One calendar year.
   *
   * @throws ValidationException (field {@code period.from}) if the year is before 1900 or after 9998
   */
  public static Period year(int year) {
    Check.range(year, "period.from", 1900, 9998);
    return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** The number of days, at least 1. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The calendar months the period touches, at least 1. */
  public long months() {
    return ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
  }

  /** Whether the day is in the period. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}
