package dev.rapport.crm.feedback;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.feedback.FeedbackRepository.ScoreRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of {@link FeedbackRepository} computed from answers in memory, in one pass: the
 * reference definition that a durable adapter's SQL must match. Stateless.
 */
public final class FeedbackFigures {
  private FeedbackFigures() {}

  /** The score rows of the given answers answered in {@code [from, to)}: see {@link FeedbackRepository#scores}. */
  public static List<ScoreRow> scores(Iterable<Feedback> answers, Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Map<List<Object>, long[]> sums = new LinkedHashMap<>();
    for (Feedback f : answers) {
      if (f.answeredAt().isBefore(from) || !f.answeredAt().isBefore(to)) {
        continue;
      }
      long[] s = sums.computeIfAbsent(List.of(f.accountId(), f.scale()), k -> new long[3]);
      s[0]++;
      s[1] += f.score();
      s[2] += f.isDetractor() ? 1 : 0;
    }
    List<ScoreRow> rows = new ArrayList<>(sums.size());
    sums.forEach((k, s) -> rows.add(new ScoreRow((AccountId) k.get(0), (FeedbackScale) k.get(1), s[0], s[1], s[2])));
    return rows;
  }
}
