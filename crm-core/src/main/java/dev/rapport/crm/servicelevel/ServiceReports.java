package dev.rapport.crm.servicelevel;

import dev.rapport.crm.common.BusinessCalendar;
import dev.rapport.crm.feedback.CsatResult;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.feedback.FeedbackScale;
import dev.rapport.crm.feedback.NpsResult;
import dev.rapport.crm.service.CaseLevel;
import dev.rapport.crm.service.ServiceCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Tallies the service-level report's rows: per tier in policy order, per owner by name. */
final class ServiceReports {
  private final BusinessCalendar calendar;
  private final Instant now;
  private final Map<String, Tally> tiers = new LinkedHashMap<>();
  private final Map<String, Tally> extraTiers = new TreeMap<>();
  private final Map<String, Tally> owners = new TreeMap<>();
  private final Tally unassigned = new Tally();

  ServiceReports(BusinessCalendar calendar, Instant now) {
    this.calendar = calendar;
    this.now = now;
  }

  private static final class Tally {
    long opened, responded, respondedInTarget, resolved, resolvedInTarget, responseBreaches, resolutionBreaches;
    final List<Duration> responseTimes = new ArrayList<>();
    final List<Duration> resolutionTimes = new ArrayList<>();
    long csatAnswers, csatSatisfied, csatSum, npsAnswers, promoters, passives, detractors;

    void add(ServiceCase c, BusinessCalendar cal, Instant now) {
      CaseLevel l = c.level().orElseThrow();
      opened++;
      if (c.firstResponseAt().isPresent()) {
        responded++;
        responseTimes.add(cal.between(c.openedAt(), c.firstResponseAt().get()));
        if (!c.firstResponseAt().get().isAfter(l.responseDue())) {
          respondedInTarget++;
        } else {
          responseBreaches++;
        }
      } else if (!now.isBefore(l.responseDue())) {
        responseBreaches++;
      }
      Duration used = ServiceLevelService.resolutionUsed(c, l, cal, now);
      if (!c.isOpen()) {
        resolved++;
        resolutionTimes.add(used);
        if (used.compareTo(l.resolutionTarget()) <= 0) { // a case resolved while waiting: its clock had stopped
          resolvedInTarget++;
        } else {
          resolutionBreaches++;
        }
      } else if (used.compareTo(l.resolutionTarget()) >= 0) {
        resolutionBreaches++;
      }
    }

    void answer(Feedback f) {
      if (f.scale() == FeedbackScale.CSAT) {
        csatAnswers++;
        csatSum += f.score();
        if (f.score() >= CsatResult.SATISFIED_MIN) {
          csatSatisfied++;
        }
      } else {
        npsAnswers++;
        if (f.score() >= NpsResult.PROMOTER_MIN) {
          promoters++;
        } else if (f.score() <= NpsResult.DETRACTOR_MAX) {
          detractors++;
        } else {
          passives++;
        }
      }
    }

    ServiceLevelReport.Row row(String key) {
      return new ServiceLevelReport.Row(key, opened, responded, respondedInTarget, resolved, resolvedInTarget,
          responseBreaches, resolutionBreaches, rank(responseTimes, 50), rank(responseTimes, 90),
          rank(resolutionTimes, 50), rank(resolutionTimes, 90), new CsatResult(csatAnswers, csatSatisfied, csatSum),
          new NpsResult(npsAnswers, promoters, passives, detractors));
    }
  }

  /** The nearest-rank percentile: the smallest value with at least {@code p} % of the values at or below it. */
  static Optional<Duration> rank(List<Duration> values, int p) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return Optional.of(sorted.get(Math.max(0, index)));
  }

  void tier(String name) {
    tiers.computeIfAbsent(name, k -> new Tally());
  }

  private Tally tierTally(String name) {
    Tally t = tiers.get(name);
    return t != null ? t : extraTiers.computeIfAbsent(name, k -> new Tally());
  }

  private Tally ownerTally(Optional<String> owner) {
    return owner.map(o -> owners.computeIfAbsent(o, k -> new Tally())).orElse(unassigned);
  }

  void add(ServiceCase c) {
    tierTally(c.level().orElseThrow().tier()).add(c, calendar, now);
    ownerTally(c.owner()).add(c, calendar, now);
  }

  void tierAnswer(String tier, Feedback f) {
    tierTally(tier).answer(f);
  }

  void ownerAnswer(Optional<String> owner, Feedback f) {
    ownerTally(owner).answer(f);
  }

  List<ServiceLevelReport.Row> tierRows() {
    List<ServiceLevelReport.Row> rows = new ArrayList<>();
    tiers.forEach((k, t) -> rows.add(t.row(k)));
    extraTiers.forEach((k, t) -> rows.add(t.row(k)));
    return rows;
  }

  List<ServiceLevelReport.Row> ownerRows() {
    List<ServiceLevelReport.Row> rows = new ArrayList<>();
    owners.forEach((k, t) -> rows.add(t.row(k)));
    if (unassigned.opened > 0 || unassigned.csatAnswers + unassigned.npsAnswers > 0) {
      rows.add(unassigned.row(ServiceLevelReport.NONE));
    }
    return rows;
  }
}
