package dev.rapport.crm.common;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.LocalTime.MIDNIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.common.BusinessCalendar.Holiday;
import dev.rapport.crm.common.BusinessCalendar.Hours;
import dev.rapport.crm.exception.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Business time worked out by hand: every expected value is the arithmetic a person checks on a
 * calendar (2026-01-16 is a Friday, 2026-01-19 a Monday).
 */
class BusinessCalendarTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final BusinessCalendar OFFICE = BusinessCalendar.weekdays(BERLIN, time("09:00"), time("17:00"));

  private static LocalTime time(String t) {
    return LocalTime.parse(t);
  }

  private static Hours hours(String from, String to) {
    return new Hours(time(from), to.equals("24:00") ? MIDNIGHT : time(to));
  }

  /** The instant of a local date-time in the zone, e.g. {@code at(BERLIN, "2026-01-16T16:00")}. */
  private static Instant at(ZoneId zone, String local) {
    return LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  private static Instant berlin(String local) {
    return at(BERLIN, local);
  }

  private static LocalDateTime local(Instant instant, ZoneId zone) {
    return LocalDateTime.ofInstant(instant, zone);
  }

  /** When {@code amount} of business time from the local {@code start} has passed, local in the calendar's zone. */
  private static String due(BusinessCalendar calendar, String start, Duration amount) {
    return local(calendar.plus(at(calendar.zone(), start), amount), calendar.zone()).toString();
  }

  private static Duration h(double hours) {
    return Duration.ofMinutes(Math.round(hours * 60));
  }

  private static Map<DayOfWeek, List<Hours>> everyDay(Hours... hours) {
    Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      week.put(d, List.of(hours));
    }
    return week;
  }

  // ------------------------------------------------------------------ weekends and holidays

  @Test
  void aCaseOpenedFridayAfternoonWithFourBusinessHoursIsDueMondayNoon() {
    Instant opened = berlin("2026-01-16T16:00"); // Friday
    Instant due = OFFICE.plus(opened, h(4));
    // 1 h Friday 16:00-17:00 + 3 h Monday 09:00-12:00
    assertThat(local(due, BERLIN)).isEqualTo(LocalDateTime.parse("2026-01-19T12:00"));
    assertThat(OFFICE.between(opened, due)).isEqualTo(h(4));
    // by Monday 11:00 only 1 h + 2 h have passed
    assertThat(OFFICE.between(opened, berlin("2026-01-19T11:00"))).isEqualTo(h(3));
  }

  @Test
  void openedOnSaturdayTheClockStartsMondayNine() {
    Instant opened = berlin("2026-01-17T10:00"); // Saturday
    assertThat(OFFICE.between(opened, berlin("2026-01-19T09:00"))).isZero();
    assertThat(OFFICE.between(opened, berlin("2026-01-19T10:30"))).isEqualTo(h(1.5));
    // 4 h from Monday 09:00
    assertThat(local(OFFICE.plus(opened, h(4)), BERLIN)).isEqualTo(LocalDateTime.parse("2026-01-19T13:00"));
    assertThat(OFFICE.isWorking(opened)).isFalse();
  }

  @Test
  void aHolidayOnMondayPushesTheTargetToTuesday() {
    Instant opened = berlin("2026-01-16T16:00"); // Friday, 1 h left that day
    BusinessCalendar monday = OFFICE.withHoliday(Holiday.on(LocalDate.of(2026, 1, 19), "Founders' Day"));
    assertThat(local(monday.plus(opened, h(4)), BERLIN)).isEqualTo(LocalDateTime.parse("2026-01-20T12:00"));
    assertThat(monday.between(opened, berlin("2026-01-20T12:00"))).isEqualTo(h(4));
    assertThat(monday.isWorking(berlin("2026-01-19T10:00"))).isFalse();

    // Monday and Tuesday off: Wednesday 09:00 + 3 h
    BusinessCalendar twoDays = OFFICE.withHoliday(
        new Holiday(LocalDate.of(2026, 1, 19), LocalDate.of(2026, 1, 20), "Retreat"));
    assertThat(local(twoDays.plus(opened, h(4)), BERLIN)).isEqualTo(LocalDateTime.parse("2026-01-21T12:00"));

    // Easter 2026: Good Friday 04-03 and Easter Monday 04-06 off; Thursday 16:00 + 4 h =
    // 1 h Thursday + 3 h Tuesday 04-07 from 09:00
    BusinessCalendar easter = OFFICE.withHoliday(Holiday.on(LocalDate.of(2026, 4, 3), "Good Friday"))
        .withHoliday(Holiday.on(LocalDate.of(2026, 4, 6), "Easter Monday"));
    assertThat(due(easter, "2026-04-02T16:00", h(4))).isEqualTo("2026-04-07T12:00");
  }

  @Test
  void adjacentHolidaysAreSkippedOneAfterAnother() {
    // Christmas Eve to Boxing Day, 12-27 to 12-31 and New Year's Day (a Friday) off:
    // Wednesday 12-23 17:00 + 1 h is Monday 2027-01-04 10:00
    BusinessCalendar c = OFFICE
        .withHoliday(new Holiday(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26), "Christmas"))
        .withHoliday(new Holiday(LocalDate.of(2026, 12, 27), LocalDate.of(2026, 12, 31), "Between the years"))
        .withHoliday(Holiday.on(LocalDate.of(2027, 1, 1), "New Year"));
    assertThat(due(c, "2026-12-23T17:00", h(1))).isEqualTo("2027-01-04T10:00");
    assertThat(c.holidays()).extracting(Holiday::name).containsExactly("Christmas", "Between the years", "New Year");
  }

  // ------------------------------------------------------------------ daylight saving

  @Test
  void inBerlinTheSpringForwardDayHas23BusinessHoursAndTheFallBackDay25() {
    BusinessCalendar allDay = BusinessCalendar.of(BERLIN, everyDay(hours("00:00", "24:00")), List.of());
    for (BusinessCalendar c : List.of(BusinessCalendar.always(BERLIN), allDay)) {
      assertThat(c.between(berlin("2026-03-28T00:00"), berlin("2026-03-29T00:00"))).isEqualTo(h(24));
      // Sunday 2026-03-29: 02:00 -> 03:00
      assertThat(c.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isEqualTo(h(23));
      // Sunday 2026-10-25: 03:00 -> 02:00
      assertThat(c.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00"))).isEqualTo(h(25));
    }
    assertThat(allDay).isEqualTo(BusinessCalendar.always(BERLIN));
  }

  @Test
  void aPeriodThatSpansTheChangeIsAnHourShorterOrLonger() {
    BusinessCalendar nights = BusinessCalendar.of(BERLIN, everyDay(hours("00:00", "06:00")), List.of());
    assertThat(nights.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isEqualTo(h(5));
    assertThat(nights.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00"))).isEqualTo(h(7));
    assertThat(nights.weeklyHours()).isEqualTo(h(42)); // nominal: 7 x 6 h
  }

  @Test
  void aTimeInTheGapMovesForwardAndATimeInTheOverlapTakesTheEarlierOffset() {
    // Sundays 02:30-04:00: on 2026-03-29 02:30 does not exist and becomes 03:30, so 30 min
    BusinessCalendar gap = BusinessCalendar.of(BERLIN, Map.of(SUNDAY, List.of(hours("02:30", "04:00"))), List.of());
    assertThat(gap.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isEqualTo(h(0.5));
    assertThat(gap.between(berlin("2026-03-22T00:00"), berlin("2026-03-23T00:00"))).isEqualTo(h(1.5));
    assertThat(due(gap, "2026-03-29T00:00", Duration.ofMinutes(10))).isEqualTo("2026-03-29T03:40");

    // Sundays 02:00-02:30: on 2026-10-25 02:00-02:30 happens twice (+02:00, then +01:00); the first counts
    BusinessCalendar overlap = BusinessCalendar.of(BERLIN, Map.of(SUNDAY, List.of(hours("02:00", "02:30"))), List.of());
    assertThat(overlap.isWorking(Instant.parse("2026-10-25T00:15:00Z"))).isTrue(); // 02:15+02:00
    assertThat(overlap.isWorking(Instant.parse("2026-10-25T01:15:00Z"))).isFalse(); // 02:15+01:00
    assertThat(overlap.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00"))).isEqualTo(h(0.5));
  }

  @Test
  void officeHoursAcrossTheDaylightSavingWeekendStayEightLocalHoursADay() {
    // Friday 13:00 + 8 h = 4 h Friday + 4 h Monday to 13:00; the clocks moved, so 71 h and 73 h pass
    Instant spring = berlin("2026-03-27T13:00");
    Instant springDue = OFFICE.plus(spring, h(8));
    assertThat(local(springDue, BERLIN)).isEqualTo(LocalDateTime.parse("2026-03-30T13:00"));
    assertThat(Duration.between(spring, springDue)).isEqualTo(h(71));
    assertThat(OFFICE.between(spring, springDue)).isEqualTo(h(8));

    Instant autumn = berlin("2026-10-23T13:00");
    Instant autumnDue = OFFICE.plus(autumn, h(8));
    assertThat(local(autumnDue, BERLIN)).isEqualTo(LocalDateTime.parse("2026-10-26T13:00"));
    assertThat(Duration.between(autumn, autumnDue)).isEqualTo(h(73));
  }

  @Test
  void newYorkChangesOnOtherDays() {
    BusinessCalendar always = BusinessCalendar.always(NEW_YORK);
    // Sunday 2026-03-08: 02:00 -> 03:00; Sunday 2026-11-01: 02:00 -> 01:00
    assertThat(always.between(at(NEW_YORK, "2026-03-08T00:00"), at(NEW_YORK, "2026-03-09T00:00"))).isEqualTo(h(23));
    assertThat(always.between(at(NEW_YORK, "2026-11-01T00:00"), at(NEW_YORK, "2026-11-02T00:00"))).isEqualTo(h(25));
    // Berlin is still on winter time on 2026-03-08: a whole day there is 24 h
    BusinessCalendar inBerlin = always.withZone(BERLIN);
    assertThat(inBerlin.between(berlin("2026-03-08T00:00"), berlin("2026-03-09T00:00"))).isEqualTo(h(24));

    BusinessCalendar office = OFFICE.withZone(NEW_YORK);
    Instant spring = at(NEW_YORK, "2026-03-06T13:00"); // Friday
    Instant springDue = office.plus(spring, h(8));
    assertThat(local(springDue, NEW_YORK)).isEqualTo(LocalDateTime.parse("2026-03-09T13:00"));
    assertThat(Duration.between(spring, springDue)).isEqualTo(h(71));
    Instant autumn = at(NEW_YORK, "2026-10-30T13:00"); // Friday
    Instant autumnDue = office.plus(autumn, h(8));
    assertThat(local(autumnDue, NEW_YORK)).isEqualTo(LocalDateTime.parse("2026-11-02T13:00"));
    assertThat(Duration.between(autumn, autumnDue)).isEqualTo(h(73));
  }

  // ------------------------------------------------------------------ split days and between

  @Test
  void lunchIsNotCounted() {
    BusinessCalendar split = BusinessCalendar.weekdays(BERLIN, time("09:00"), time("17:00"));
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      split = split.withHours(d, List.of(hours("13:00", "17:00"), hours("09:00", "12:00"))); // any order
    }
    assertThat(split.week().get(MONDAY)).containsExactly(hours("09:00", "12:00"), hours("13:00", "17:00"));
    assertThat(split.weeklyHours()).isEqualTo(h(35)); // 5 x (3 + 4)
    // Monday 2026-01-19: 3 h morning + 4 h afternoon
    assertThat(split.between(berlin("2026-01-19T09:00"), berlin("2026-01-19T17:00"))).isEqualTo(h(7));
    // 11:00 + 2 h = 1 h to 12:00, lunch, 1 h from 13:00
    assertThat(due(split, "2026-01-19T11:00", h(2))).isEqualTo("2026-01-19T14:00");
    // exactly the morning's hour: due at 12:00, the end of the period, not 13:00
    assertThat(due(split, "2026-01-19T11:00", h(1))).isEqualTo("2026-01-19T12:00");
    assertThat(split.isWorking(berlin("2026-01-19T12:30"))).isFalse();
    assertThat(split.isWorking(berlin("2026-01-19T12:00"))).isFalse();
    assertThat(split.isWorking(berlin("2026-01-19T13:00"))).isTrue();
    assertThat(split.isWorking(berlin("2026-01-19T11:59:59.999999999"))).isTrue();
  }

  @Test
  void touchingPeriodsCountAsOne() {
    BusinessCalendar c = OFFICE.withHours(MONDAY, List.of(hours("12:00", "17:00"), hours("09:00", "12:00")));
    assertThat(c.between(berlin("2026-01-19T00:00"), berlin("2026-01-20T00:00"))).isEqualTo(h(8));
    assertThat(c.isWorking(berlin("2026-01-19T12:00"))).isTrue();
    assertThat(due(c, "2026-01-19T11:00", h(2))).isEqualTo("2026-01-19T13:00");
  }

  @Test
  void betweenCountsOnlyTheWorkingTimeInsideTheSpan() {
    // inside to inside: Monday 10:00 to 15:30
    assertThat(OFFICE.between(berlin("2026-01-19T10:00"), berlin("2026-01-19T15:30"))).isEqualTo(h(5.5));
    // outside to inside: 07:00 to 10:00 counts 09:00-10:00
    assertThat(OFFICE.between(berlin("2026-01-19T07:00"), berlin("2026-01-19T10:00"))).isEqualTo(h(1));
    // inside to outside: Monday 16:00 to Tuesday 08:00 counts 16:00-17:00
    assertThat(OFFICE.between(berlin("2026-01-19T16:00"), berlin("2026-01-20T08:00"))).isEqualTo(h(1));
    // empty or reversed spans
    assertThat(OFFICE.between(berlin("2026-01-19T10:00"), berlin("2026-01-19T10:00"))).isZero();
    assertThat(OFFICE.between(berlin("2026-01-19T15:00"), berlin("2026-01-19T10:00"))).isZero();
  }

  @Test
  void aMonthOfOfficeHours() {
    // May 2026: the 1st is a Friday. Weekdays: Fri 1; Mon-Fri 4-8, 11-15, 18-22, 25-29 (4 x 5 = 20);
    // the 30th and 31st are a weekend. 1 + 20 = 21 days x 8 h = 168 h
    assertThat(OFFICE.between(berlin("2026-05-01T00:00"), berlin("2026-06-01T00:00"))).isEqualTo(h(168));
    // January 2026: the 1st is a Thursday. Weekdays: Thu 1, Fri 2; 5-9, 12-16, 19-23, 26-30 (20);
    // 31st a Saturday: 22 days; New Year's Day off leaves 21 x 8 h = 168 h
    BusinessCalendar newYear = OFFICE.withHoliday(Holiday.on(LocalDate.of(2026, 1, 1), "New Year"));
    assertThat(OFFICE.between(berlin("2026-01-01T00:00"), berlin("2026-02-01T00:00"))).isEqualTo(h(176));
    assertThat(newYear.between(berlin("2026-01-01T00:00"), berlin("2026-02-01T00:00"))).isEqualTo(h(168));
    // the year 2026: 365 days = 52 weeks + Thursday 12-31: 52 x 5 + 1 = 261 days x 8 h = 2,088 h
    assertThat(OFFICE.between(berlin("2026-01-01T00:00"), berlin("2027-01-01T00:00"))).isEqualTo(h(2088));
  }

  // ------------------------------------------------------------------ plus, the inverse of between

  @Test
  void plusNothingIsTheStartEvenOutsideWorkingTime() {
    Instant saturday = berlin("2026-01-17T10:00");
    assertThat(OFFICE.plus(saturday, Duration.ZERO)).isEqualTo(saturday);
    Instant monday = berlin("2026-01-19T10:00");
    assertThat(OFFICE.plus(monday, Duration.ZERO)).isEqualTo(monday);
  }

  @Test
  void plusIsTheInverseOfBetweenForRandomStartsAndAmounts() {
    BusinessCalendar c = BusinessCalendar.of(BERLIN, Map.of(
            MONDAY, List.of(hours("08:00", "12:00"), hours("13:00", "18:30")),
            DayOfWeek.TUESDAY, List.of(hours("09:00", "17:00")),
            DayOfWeek.WEDNESDAY, List.of(hours("00:00", "03:00"), hours("22:00", "24:00")),
            DayOfWeek.THURSDAY, List.of(hours("02:15", "02:45"), hours("09:00", "17:00")),
            DayOfWeek.FRIDAY, List.of(hours("09:00", "15:00")),
            SATURDAY, List.of(hours("10:00", "14:00"))),
        List.of(Holiday.on(LocalDate.of(2026, 1, 1), "New Year"),
            new Holiday(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), "Easter"),
            new Holiday(LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 14), "Summer closing"),
            new Holiday(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 1), "Christmas and New Year")));
    Random random = new Random(20260101);
    Instant yearStart = berlin("2026-01-01T00:00");
    long yearSeconds = Duration.between(yearStart, berlin("2027-01-01T00:00")).toSeconds();
    for (int i = 0; i < 2_000; i++) {
      Instant start = yearStart.plusSeconds((long) (random.nextDouble() * yearSeconds));
      Duration amount = Duration.ofSeconds(random.nextInt(200 * 3600));
      Instant due = c.plus(start, amount);
      String what = "start " + local(start, BERLIN) + " + " + amount + " = " + local(due, BERLIN);
      assertThat(due).as(what).isAfterOrEqualTo(start);
      assertThat(c.between(start, due)).as(what).isEqualTo(amount);
      if (!amount.isZero()) {
        // the earliest such instant: the nanosecond before it is working time, so it is inside a
        // working period or at its end
        assertThat(c.isWorking(due.minusNanos(1))).as(what).isTrue();
        assertThat(c.between(start, due.minusNanos(1))).as(what).isEqualTo(amount.minusNanos(1));
      }
    }
  }

  @Test
  void roundTheClockBusinessTimeIsElapsedTime() {
    BusinessCalendar always = BusinessCalendar.always(NEW_YORK);
    Random random = new Random(7);
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 200; i++) {
      Instant from = base.plusSeconds(random.nextInt(366 * 86_400));
      Instant to = from.plusSeconds(random.nextInt(40 * 86_400));
      assertThat(always.between(from, to)).isEqualTo(Duration.between(from, to));
      assertThat(always.plus(from, Duration.between(from, to))).isEqualTo(to);
      assertThat(always.isWorking(from)).isTrue();
    }
    assertThat(always.weeklyHours()).isEqualTo(h(168));
  }

  // ------------------------------------------------------------------ a value

  @Test
  void aCalendarIsAnImmutableValue() {
    BusinessCalendar same = BusinessCalendar.of(BERLIN, Map.of(MONDAY, List.of(hours("09:00", "17:00")),
        DayOfWeek.TUESDAY, List.of(hours("09:00", "17:00")), DayOfWeek.WEDNESDAY, List.of(hours("09:00", "17:00")),
        DayOfWeek.THURSDAY, List.of(hours("09:00", "17:00")), DayOfWeek.FRIDAY, List.of(hours("09:00", "17:00"))),
        List.of());
    assertThat(same).isEqualTo(OFFICE).hasSameHashCodeAs(OFFICE);
    assertThat(same.toString()).isEqualTo(OFFICE.toString())
        .contains("Europe/Berlin", "MONDAY=[09:00-17:00]", "SUNDAY=[]");
    assertThat(OFFICE.weeklyHours()).isEqualTo(h(40));

    BusinessCalendar saturdays = OFFICE.withHours(SATURDAY, List.of(hours("10:00", "14:00")));
    assertThat(saturdays).isNotEqualTo(OFFICE);
    assertThat(OFFICE.week().get(SATURDAY)).isEmpty();
    assertThat(saturdays.withHours(SATURDAY, List.of())).isEqualTo(OFFICE);
    assertThat(OFFICE.withZone(NEW_YORK)).isNotEqualTo(OFFICE).extracting(BusinessCalendar::zone).isEqualTo(NEW_YORK);
    assertThat(OFFICE.withHoliday(Holiday.on(LocalDate.of(2026, 1, 1), "New Year"))).isNotEqualTo(OFFICE);
    assertThat(OFFICE.holidays()).isEmpty();

    assertThat(OFFICE.week().keySet()).containsExactly(DayOfWeek.values());
    assertThatThrownBy(() -> OFFICE.week().put(SUNDAY, List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> OFFICE.week().get(MONDAY).clear()).isInstanceOf(UnsupportedOperationException.class);

    // holidays come back sorted by their first day, whatever order they were given in
    Holiday may = Holiday.on(LocalDate.of(2026, 5, 1), "Labour Day");
    Holiday jan = Holiday.on(LocalDate.of(2026, 1, 1), "  New Year ");
    BusinessCalendar both = BusinessCalendar.of(BERLIN, OFFICE.week(), List.of(may, jan));
    assertThat(both.holidays()).containsExactly(jan, may);
    assertThat(jan.name()).isEqualTo("New Year");
    assertThat(both).isEqualTo(OFFICE.withHoliday(jan).withHoliday(may));
    assertThatThrownBy(() -> both.holidays().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  // ------------------------------------------------------------------ rejections

  private static void assertRefused(ThrowingCallable call, String field, String rule) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).contains(rule);
    });
  }

  @Test
  void aWeekWithoutWorkingTimeIsRefused() {
    assertRefused(() -> BusinessCalendar.of(BERLIN, Map.of(), List.of()), "hours", "at least one working period");
    assertRefused(() -> BusinessCalendar.of(BERLIN, Map.of(MONDAY, List.of()), List.of()), "hours",
        "at least one working period");
    BusinessCalendar mondays = BusinessCalendar.of(BERLIN, Map.of(MONDAY, List.of(hours("09:00", "17:00"))), List.of());
    assertRefused(() -> mondays.withHours(MONDAY, List.of()), "hours", "at least one working period");
  }

  @Test
  void aPeriodMustEndAfterItStarts() {
    assertRefused(() -> new Hours(time("17:00"), time("09:00")), "hours", "must end after it starts");
    assertRefused(() -> new Hours(time("09:00"), time("09:00")), "hours", "must end after it starts");
    assertRefused(() -> BusinessCalendar.weekdays(BERLIN, time("17:00"), time("09:00")), "hours", "17:00-09:00");
    assertThat(new Hours(time("22:00"), MIDNIGHT)).hasToString("22:00-24:00");
    assertThat(Hours.ALL_DAY).isEqualTo(hours("00:00", "24:00"));
  }

  @Test
  void overlappingOrTooManyPeriodsOfADayAreRefused() {
    assertRefused(() -> OFFICE.withHours(MONDAY, List.of(hours("13:00", "17:00"), hours("09:00", "13:30"))),
        "hours", "must not overlap on MONDAY (09:00-13:30 and 13:00-17:00)");
    assertRefused(() -> OFFICE.withHours(MONDAY, List.of(hours("09:00", "17:00"), hours("09:00", "17:00"))),
        "hours", "must not overlap");
    assertRefused(() -> OFFICE.withHours(MONDAY, List.of(Hours.ALL_DAY, hours("23:00", "24:00"))),
        "hours", "must not overlap");
    List<Hours> nine = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      nine.add(hours(String.format("%02d:00", 8 + i), String.format("%02d:30", 8 + i)));
    }
    assertThat(OFFICE.withHours(MONDAY, nine.subList(0, 8)).week().get(MONDAY)).hasSize(8);
    assertRefused(() -> OFFICE.withHours(MONDAY, nine), "hours", "at most 8 periods a day (MONDAY has 9)");
  }

  @Test
  void overlappingOrTooManyHolidaysAreRefused() {
    BusinessCalendar christmas = OFFICE.withHoliday(
        new Holiday(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26), "Christmas"));
    assertRefused(() -> christmas.withHoliday(Holiday.on(LocalDate.of(2026, 12, 26), "Boxing Day")), "holidays",
        "must not overlap (Christmas 2026-12-24..2026-12-26 and Boxing Day 2026-12-26)");
    assertRefused(() -> christmas.withHoliday(Holiday.on(LocalDate.of(2026, 12, 24), "Christmas")), "holidays",
        "must not overlap");
    assertThat(christmas.withHoliday(Holiday.on(LocalDate.of(2026, 12, 27), "Sunday after")).holidays()).hasSize(2);

    List<Holiday> many = new ArrayList<>();
    for (int i = 0; i < 1_001; i++) {
      many.add(Holiday.on(LocalDate.of(2026, 1, 1).plusDays(i), "Day " + i));
    }
    BusinessCalendar thousand = BusinessCalendar.of(BERLIN, OFFICE.week(), many.subList(0, 1_000));
    assertThat(thousand.holidays()).hasSize(1_000);
    assertRefused(() -> BusinessCalendar.of(BERLIN, OFFICE.week(), many), "holidays", "at most 1000");
    assertRefused(() -> thousand.withHoliday(many.get(1_000)), "holidays", "at most 1000");
    // holidays without end: plus still ends (2028-09-27 is the first day after the 1,000)
    assertThat(thousand.plus(berlin("2026-01-01T00:00"), h(1))).isEqualTo(berlin("2028-09-27T10:00"));
  }

  @Test
  void aHolidayIsCheckedByItself() {
    LocalDate day = LocalDate.of(2026, 1, 1);
    assertRefused(() -> new Holiday(day, day.minusDays(1), "Backwards"), "holidays",
        "must end on or after its first day");
    assertThat(new Holiday(day, day.plusDays(365), "A leap year long").last()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertRefused(() -> new Holiday(day, day.plusDays(366), "Too long"), "holidays", "at most 366 days long");
    assertRefused(() -> Holiday.on(day, "  "), "holidays.name", "must not be blank");
    assertRefused(() -> Holiday.on(day, "x".repeat(201)), "holidays.name", "at most 200");
    assertThat(Holiday.on(day, "x".repeat(200)).name()).hasSize(200);
    assertRefused(() -> Holiday.on(null, "New Year"), "holidays.first", "must not be null");
    assertRefused(() -> new Holiday(day, null, "New Year"), "holidays.last", "must not be null");
    assertRefused(() -> Holiday.on(day, null), "holidays.name", "must not be null");
    assertRefused(() -> Holiday.on(LocalDate.of(1899, 12, 31), "Too early"), "holidays.first", "must be from");
  }

  @Test
  void aNullIsRefusedNamingTheField() {
    Instant now = berlin("2026-01-19T10:00");
    assertRefused(() -> BusinessCalendar.weekdays(null, time("09:00"), time("17:00")), "zone", "must not be null");
    assertRefused(() -> BusinessCalendar.weekdays(BERLIN, null, time("17:00")), "hours.from", "must not be null");
    assertRefused(() -> BusinessCalendar.weekdays(BERLIN, time("09:00"), null), "hours.to", "must not be null");
    assertRefused(() -> BusinessCalendar.always(null), "zone", "must not be null");
    assertRefused(() -> BusinessCalendar.of(null, OFFICE.week(), List.of()), "zone", "must not be null");
    assertRefused(() -> BusinessCalendar.of(BERLIN, null, List.of()), "week", "must not be null");
    assertRefused(() -> BusinessCalendar.of(BERLIN, OFFICE.week(), null), "holidays", "must not be null");
    Map<DayOfWeek, List<Hours>> nullDay = new HashMap<>(OFFICE.week());
    nullDay.put(null, List.of(hours("09:00", "17:00")));
    assertRefused(() -> BusinessCalendar.of(BERLIN, nullDay, List.of()), "week", "null day");
    Map<DayOfWeek, List<Hours>> nullHours = new HashMap<>(OFFICE.week());
    nullHours.put(MONDAY, null);
    assertRefused(() -> BusinessCalendar.of(BERLIN, nullHours, List.of()), "hours", "must not be null");
    assertRefused(() -> OFFICE.withHours(MONDAY, Arrays.asList(hours("09:00", "12:00"), null)), "hours[1]",
        "must not be null");
    assertRefused(() -> BusinessCalendar.of(BERLIN, OFFICE.week(), Arrays.asList((Holiday) null)), "holidays[0]",
        "must not be null");
    assertRefused(() -> OFFICE.withHours(null, List.of()), "day", "must not be null");
    assertRefused(() -> OFFICE.withHours(MONDAY, null), "hours", "must not be null");
    assertRefused(() -> OFFICE.withHoliday(null), "holiday", "must not be null");
    assertRefused(() -> OFFICE.withZone(null), "zone", "must not be null");
    assertRefused(() -> OFFICE.between(null, now), "from", "must not be null");
    assertRefused(() -> OFFICE.between(now, null), "to", "must not be null");
    assertRefused(() -> OFFICE.plus(null, h(1)), "start", "must not be null");
    assertRefused(() -> OFFICE.plus(now, null), "amount", "must not be null");
    assertRefused(() -> OFFICE.isWorking(null), "at", "must not be null");
  }

  @Test
  void aNegativeOrEndlessAmountAndAnInstantOutOfRangeAreRefused() {
    Instant now = berlin("2026-01-19T10:00");
    assertRefused(() -> OFFICE.plus(now, h(-1)), "amount", "must not be negative");
    assertRefused(() -> OFFICE.plus(now, Duration.ofSeconds(Long.MAX_VALUE)), "amount", "must end by");
    assertRefused(() -> OFFICE.plus(Instant.MAX, h(1)), "start", "must be from");
    assertRefused(() -> OFFICE.between(Instant.MIN, now), "from", "must be from");
    assertRefused(() -> OFFICE.isWorking(Instant.MAX), "at", "must be from");
  }
}
