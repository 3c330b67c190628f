package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A tenant's working time: a time zone, the working periods of each day of the week, and
 * holidays. It measures service-level targets in business time ("respond within 4 business
 * hours"): {@link #between} counts the working time in a span, {@link #plus} finds when an amount
 * of it has passed. An immutable value with value equality; the {@code with...} methods return new
 * calendars. Safe to share between threads.
 *
 * <p>Business time is real elapsed time between instants. A working period of a date is placed on
 * the time line with {@link ZonedDateTime#of(LocalDate, LocalTime, ZoneId)}: a time in a
 * daylight-saving gap moves forward by the length of the gap, a time in an overlap takes the
 * earlier offset. So a period that spans a change is an hour shorter (spring) or longer (autumn):
 * 00:00 to 24:00 in Europe/Berlin is 23 hours on 2026-03-29 and 25 hours on 2026-10-25, while a
 * period 09:00 to 17:00 on either side of the change stays 8 hours. An end of
 * {@link LocalTime#MIDNIGHT} is the start of the next date. Holidays are local dates in the zone:
 * no working time on them.
 *
 * <p>Every week holds at least one working period and holidays are finite, so {@link #plus}
 * always ends. The cost of {@link #between} and {@link #plus} is one step per calendar day of the
 * span (a holiday range is skipped at once): about 365 steps for a year.
 */
public final class BusinessCalendar {
  private static final int MAX_PERIODS_A_DAY = 8;
  private static final int MAX_HOLIDAYS = 1_000;
  private static final int MAX_HOLIDAY_DAYS = 366;
  private static final long DAY_NANOS = 86_400_000_000_000L;

  /**
   * One working period of a day, from {@code from} (included) to {@code to} (excluded). An end of
   * {@link LocalTime#MIDNIGHT} means the end of the day: {@code new Hours(MIDNIGHT, MIDNIGHT)} is
   * the whole day ({@link #ALL_DAY}). Written {@code 09:00-17:00} by {@link #toString()}, the end
   * of the day as {@code 24:00}.
   *
   * @param from the start, local time in the calendar's zone
   * @param to the end, after {@code from}, or {@link LocalTime#MIDNIGHT} for the end of the day
   */
  public record Hours(LocalTime from, LocalTime to) {
    /** The whole day: 00:00 to the end of the day. */
    public static final Hours ALL_DAY = new Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    /**
     * @throws ValidationException if {@code from} ({@code hours.from}) or {@code to}
     *     ({@code hours.to}) is null, or {@code to} is not after {@code from} and not midnight
     *     ({@code hours})
     */
    public Hours {
      Check.notNull(from, "hours.from");
      Check.notNull(to, "hours.to");
      if (!to.equals(LocalTime.MIDNIGHT) && !from.isBefore(to)) {
        throw new ValidationException("hours", "must end after it starts, or at midnight for the end of the day ("
            + from + "-" + to + ")");
      }
    }

    private long endNanos() {
      return to.equals(LocalTime.MIDNIGHT) ? DAY_NANOS : to.toNanoOfDay();
    }

    /** The period as {@code from-to}, e.g. {@code 09:00-17:00}; an end of midnight as {@code 24:00}. */
    @Override
    public String toString() {
      return from + "-" + (to.equals(LocalTime.MIDNIGHT) ? "24:00" : to.toString());
    }
  }

  /**
   * Days off, {@code first} to {@code last} inclusive, local dates in the calendar's zone.
   *
   * @param first the first day off
   * @param last the last day off, not before {@code first} and at most 365 days after it
   * @param name what the holiday is called, 1 to 200 characters, stored stripped
   */
  public record Holiday(LocalDate first, LocalDate last, String name) {
    /**
     * @throws ValidationException if a date is null or outside {@link Limits} ({@code holidays.first},
     *     {@code holidays.last}), the name is null, blank, longer than 200 characters or not storable
     *     ({@code holidays.name}), or {@code last} is before {@code first} or more than 366 days make
     *     the holiday ({@code holidays})
     */
    public Holiday {
      Check.date(first, "holidays.first");
      Check.date(last, "holidays.last");
      name = Check.text(name, "holidays.name", 200);
      if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= MAX_HOLIDAY_DAYS) {
        throw new ValidationException("holidays", "must end on or after its first day and be at most "
            + MAX_HOLIDAY_DAYS + " days long (" + name + " " + first + ".." + last + ")");
      }
    }

    /**
     * A holiday of one day.
     * @throws ValidationException as the canonical constructor does
     */
    public static Holiday on(LocalDate day, String name) {
      return new Holiday(day, day, name);
    }

    private String describe() {
      return name + " " + first + (first.equals(last) ? "" : ".." + last);
    }
  }

  private final ZoneId zone;
  private final Map<DayOfWeek, List<Hours>> week;
  private final List<Holiday> holidays;
  private final TreeMap<LocalDate, Holiday> byFirst = new TreeMap<>();

  private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Hours>> week, List<Holiday> holidays) {
    this.zone = zone;
    this.week = week;
    this.holidays = holidays;
    holidays.forEach(h -> byFirst.put(h.first(), h));
  }

  /**
   * Monday to Friday from {@code from} to {@code to} (e.g. 09:00 to 17:00) in the zone, no holidays.
   *
   * @throws ValidationException if an argument is null ({@code zone}, {@code hours.from},
   *     {@code hours.to}), or {@code to} is not after {@code from} and not midnight ({@code hours})
   */
  public static BusinessCalendar weekdays(ZoneId zone, LocalTime from, LocalTime to) {
    return uniform(zone, new Hours(from, to), DayOfWeek.FRIDAY);
  }

  /**
   * Round the clock, every day, no holidays: business time is elapsed time.
   *
   * @throws ValidationException if the zone is null ({@code zone})
   */
  public static BusinessCalendar always(ZoneId zone) {
    return uniform(zone, Hours.ALL_DAY, DayOfWeek.SUNDAY);
  }

  private static BusinessCalendar uniform(ZoneId zone, Hours hours, DayOfWeek lastDay) {
    Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, day.compareTo(lastDay) <= 0 ? List.of(hours) : List.of());
    }
    return of(zone, week, List.of());
  }

  /**
   * A calendar of the working periods of each day and holidays. A day absent from {@code week} or
   * with an empty list is not worked. The periods of a day may come in any order (they are kept
   * sorted) and may touch (09:00-12:00 and 12:00-17:00), not overlap; holidays may come in any
   * order (kept sorted by their first day) and must not overlap.
   *
   * @throws ValidationException if the zone is null ({@code zone}); {@code week} is null or holds
   *     a null day ({@code week}); a day's list is null ({@code hours}) or holds a null
   *     ({@code hours[i]}); a day holds more than 8 periods, two overlapping periods, or no day
   *     holds a period ({@code hours}); {@code holidays} is null, holds more than 1,000 holidays or
   *     two that overlap ({@code holidays}), or holds a null ({@code holidays[i]})
   */
  public static BusinessCalendar of(ZoneId zone, Map<DayOfWeek, List<Hours>> week, List<Holiday> holidays) {
    Check.notNull(zone, "zone");
    Check.notNull(week, "week");
    Check.size(holidays, "holidays", MAX_HOLIDAYS);
    Map<DayOfWeek, List<Hours>> days = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      days.put(day, List.of());
    }
    for (Map.Entry<DayOfWeek, List<Hours>> e : week.entrySet()) {
      if (e.getKey() == null) {
        throw new ValidationException("week", "must not hold a null day");
      }
      days.put(e.getKey(), day(e.getKey(), e.getValue()));
    }
    if (days.values().stream().allMatch(List::isEmpty)) {
      throw new ValidationException("hours", "must hold at least one working period in the week");
    }
    List<Holiday> sorted = new ArrayList<>(holidays);
    sorted.sort(Comparator.comparing(Holiday::first));
    for (int i = 1; i < sorted.size(); i++) {
      if (!sorted.get(i).first().isAfter(sorted.get(i - 1).last())) {
        throw new ValidationException("holidays", "must not overlap (" + sorted.get(i - 1).describe() + " and "
            + sorted.get(i).describe() + ")");
      }
    }
    return new BusinessCalendar(zone, Collections.unmodifiableMap(days), List.copyOf(sorted));
  }

  private static List<Hours> day(DayOfWeek day, List<Hours> hours) {
    Check.noNulls(hours, "hours");
    if (hours.size() > MAX_PERIODS_A_DAY) {
      throw new ValidationException("hours", "must hold at most " + MAX_PERIODS_A_DAY + " periods a day ("
          + day + " has " + hours.size() + ")");
    }
    List<Hours> sorted = new ArrayList<>(hours);
    sorted.sort(Comparator.comparing(Hours::from).thenComparingLong(Hours::endNanos));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).endNanos() > sorted.get(i).from().toNanoOfDay()) {
        throw new ValidationException("hours", "must not overlap on " + day + " (" + sorted.get(i - 1) + " and "
            + sorted.get(i) + ")");
      }
    }
    return List.copyOf(sorted);
  }

  /**
   * This calendar with {@code hours} as the working periods of {@code day}; an empty list makes
   * the day not worked.
   *
   * @throws ValidationException if the day is null ({@code day}), or the hours break a rule of
   *     {@link #of} ({@code hours}, {@code hours[i]})
   */
  public BusinessCalendar withHours(DayOfWeek day, List<Hours> hours) {
    Check.notNull(day, "day");
    Check.notNull(hours, "hours");
    Map<DayOfWeek, List<Hours>> copy = new EnumMap<>(week);
    copy.put(day, hours);
    return of(zone, copy, holidays);
  }

  /**
   * This calendar with one more holiday.
   *
   * @throws ValidationException if the holiday is null ({@code holiday}), overlaps one of this
   *     calendar's or makes more than 1,000 ({@code holidays})
   */
  public BusinessCalendar withHoliday(Holiday holiday) {
    Check.notNull(holiday, "holiday");
    List<Holiday> more = new ArrayList<>(holidays);
    more.add(holiday);
    return of(zone, week, more);
  }

  /**
   * This calendar in another zone: the same local hours and holidays, other instants.
   *
   * @throws ValidationException if the zone is null ({@code zone})
   */
  public BusinessCalendar withZone(ZoneId zone) {
    return of(zone, week, holidays);
  }

  /** The zone the working hours and holidays are local to. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The working periods of each day: unmodifiable, every day present from Monday to Sunday, a day
   * not worked with an empty list, the periods of a day sorted by their start.
   */
  public Map<DayOfWeek, List<Hours>> week() {
    return week;
  }

  /** The holidays, unmodifiable, sorted by their first day, none overlapping another. */
  public List<Holiday> holidays() {
    return holidays;
  }

  /**
   * The business time in {@code [from, to)}: the real time of the working periods inside it,
   * {@link Duration#ZERO} when {@code to} is not after {@code from}.
   *
   * @throws ValidationException if either is null or outside {@link Limits} ({@code from},
   *     {@code to})
   */
  public Duration between(Instant from, Instant to) {
    Check.instant(from, "from");
    Check.instant(to, "to");
    Duration sum = Duration.ZERO;
    if (!to.isAfter(from)) {
      return sum;
    }
    // a period of an earlier date ends by the first instant of from's date; one of a later date
    // than to's starts after to
    LocalDate last = LocalDate.ofInstant(to, zone);
    for (LocalDate d = workday(LocalDate.ofInstant(from, zone)); !d.isAfter(last); d = workday(d.plusDays(1))) {
      for (Hours h : week.get(d.getDayOfWeek())) {
        Instant s = later(start(d, h), from);
        Instant e = end(d, h).isBefore(to) ? end(d, h) : to;
        if (s.isBefore(e)) {
          sum = sum.plus(Duration.between(s, e));
        }
      }
    }
    return sum;
  }

  /**
   * The earliest instant {@code t} not before {@code start} with {@code between(start, t)} equal to
   * {@code amount}: inside a working period or at its end. {@code start} itself when the amount is
   * zero, even outside working time.
   *
   * @throws ValidationException if {@code start} is null or outside {@link Limits} ({@code start}),
   *     or the amount is null, negative, or ends after {@link Limits#LATEST_INSTANT} ({@code amount})
   */
  public Instant plus(Instant start, Duration amount) {
    Check.instant(start, "start");
    Check.notNull(amount, "amount");
    if (amount.isNegative()) {
      throw new ValidationException("amount", "must not be negative");
    }
    if (amount.isZero()) {
      return start;
    }
    if (amount.compareTo(Duration.between(start, Check.LATEST_INSTANT)) > 0) {
      throw tooLate();
    }
    Duration left = amount;
    LocalDate d = workday(LocalDate.ofInstant(start, zone));
    for (; !d.isAfter(Check.LATEST_DATE); d = workday(d.plusDays(1))) {
      for (Hours h : week.get(d.getDayOfWeek())) {
        Instant s = later(start(d, h), start);
        Duration room = s.isBefore(end(d, h)) ? Duration.between(s, end(d, h)) : Duration.ZERO;
        if (!room.isZero() && left.compareTo(room) <= 0) {
          Instant due = s.plus(left);
          if (due.isAfter(Check.LATEST_INSTANT)) {
            throw tooLate();
          }
          return due;
        }
        left = left.minus(room);
      }
    }
    throw tooLate();
  }

  private static ValidationException tooLate() {
    return new ValidationException("amount", "must end by " + Check.LATEST_INSTANT);
  }

  /**
   * Whether the instant falls in working time: inside a working period (its start included, its
   * end not) of a date that is not a holiday.
   *
   * @throws ValidationException if the instant is null or outside {@link Limits} ({@code at})
   */
  public boolean isWorking(Instant at) {
    Check.instant(at, "at");
    LocalDate d = LocalDate.ofInstant(at, zone);
    if (holidayAt(d) != null) {
      return false;
    }
    for (Hours h : week.get(d.getDayOfWeek())) {
      if (!at.isBefore(start(d, h)) && at.isBefore(end(d, h))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The business time of a week without holidays, nominal: the sum of the periods' local lengths,
   * every day 24 hours (a daylight-saving change is not counted). 40 hours for Monday to Friday
   * 09:00 to 17:00.
   */
  public Duration weeklyHours() {
    long nanos = 0;
    for (List<Hours> day : week.values()) {
      for (Hours h : day) {
        nanos += h.endNanos() - h.from().toNanoOfDay();
      }
    }
    return Duration.ofNanos(nanos);
  }

  private Instant start(LocalDate date, Hours h) {
    return ZonedDateTime.of(date, h.from(), zone).toInstant();
  }

  private Instant end(LocalDate date, Hours h) {
    boolean midnight = h.to().equals(LocalTime.MIDNIGHT);
    return ZonedDateTime.of(midnight ? date.plusDays(1) : date, h.to(), zone).toInstant();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The first date from {@code date} on that is not a holiday, skipping each holiday at once. */
  private LocalDate workday(LocalDate date) {
    for (Holiday h = holidayAt(date); h != null; h = holidayAt(date)) {
      date = h.last().plusDays(1);
    }
    return date;
  }

  /** The holiday that holds the date, or null: the last one starting by then, if it lasts till then. */
  private Holiday holidayAt(LocalDate date) {
    Map.Entry<LocalDate, Holiday> e = byFirst.floorEntry(date);
    return e == null || e.getValue().last().isBefore(date) ? null : e.getValue();
  }

  /** Equal when the zone, the working periods of every day and the holidays are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof BusinessCalendar c && zone.equals(c.zone) && week.equals(c.week) && holidays.equals(c.holidays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(zone, week, holidays);
  }

  /** The zone, each day's periods and the holidays: {@code BusinessCalendar[Europe/Berlin, MONDAY=[09:00-17:00], ...]}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("BusinessCalendar[").append(zone);
    week.forEach((day, hours) -> s.append(", ").append(day).append('=').append(hours));
    return s.append(", holidays=").append(holidays).append(']').toString();
  }
}
