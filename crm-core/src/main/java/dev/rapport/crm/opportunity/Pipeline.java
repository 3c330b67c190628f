package dev.rapport.crm.opportunity;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ordered stages an opportunity passes through: open stages in order, then exactly one stage
 * that closes it as won and one that closes it as lost. Configure one with {@link #builder()}, or
 * use {@link #standard()}. Immutable and thread-safe. Stage names are matched ignoring case.
 */
public final class Pipeline {
  private final List<Stage> stages;
  private final Map<String, Stage> byName;
  private final Stage won;
  private final Stage lost;

  private Pipeline(List<Stage> stages) {
    this.stages = List.copyOf(stages);
    Map<String, Stage> map = new LinkedHashMap<>();
    Stage w = null;
    Stage l = null;
    for (int i = 0; i < stages.size(); i++) {
      Stage s = stages.get(i);
      if (map.put(s.name().toLowerCase(Locale.ROOT), s) != null) {
        throw new ValidationException("stages[" + i + "].name", "must not repeat the name " + s.name());
      }
      if (s.outcome() == OpportunityStatus.WON) {
        if (w != null) {
          throw new ValidationException("stages", "must have exactly one won stage");
        }
        w = s;
      } else if (s.outcome() == OpportunityStatus.LOST) {
        if (l != null) {
          throw new ValidationException("stages", "must have exactly one lost stage");
        }
        l = s;
      }
    }
    if (w == null || l == null) {
      throw new ValidationException("stages", "must have one won and one lost stage");
    }
    if (stages.stream().noneMatch(s -> s.outcome() == OpportunityStatus.OPEN)) {
      throw new ValidationException("stages", "must have at least one open stage");
    }
    this.byName = Map.copyOf(map);
    this.won = w;
    this.lost = l;
  }

  /**
   * The standard pipeline: Prospecting 10 %, Qualification 20 %, Needs Analysis 25 % (pipeline),
   * Proposal 50 % (best case), Negotiation 80 % (commit), Closed Won 100 % (closed), Closed Lost
   * 0 % (omitted).
   */
  public static Pipeline standard() {
    return builder()
        .stage("Prospecting", 10, ForecastCategory.PIPELINE)
        .stage("Qualification", 20, ForecastCategory.PIPELINE)
        .stage("Needs Analysis", 25, ForecastCategory.PIPELINE)
        .stage("Proposal", 50, ForecastCategory.BEST_CASE)
        .stage("Negotiation", 80, ForecastCategory.COMMIT)
        .won("Closed Won")
        .lost("Closed Lost")
        .build();
  }

  /**
   * The query with its stage names as this pipeline spells them (stages are named ignoring case;
   * the stores compare them exactly).
   *
   * @throws dev.rapport.crm.exception.ValidationException if the query is null, or (field
   *     {@code stages}) names a stage this pipeline does not have
   */
  public OpportunityQuery spell(OpportunityQuery query) {
    dev.rapport.crm.internal.Check.notNull(query, "query");
    if (query.stages().isEmpty()) {
      return query;
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String name : query.stages()) {
      try {
        names.add(stage(name).name());
      } catch (dev.rapport.crm.exception.ValidationException e) {
        throw new dev.rapport.crm.exception.ValidationException("stages", "must be stages of the pipeline (ignoring"
            + " case): " + stages.stream().map(Stage::name).toList());
      }
    }
    return query.withStages(names);
  }

  /** Starts a pipeline of your own. */
  public static Builder builder() {
    return new Builder();
  }

  /** All stages: open ones in order, then won, then lost. */
  public List<Stage> stages() {
    return stages;
  }

  /**
   * The stage with this name, ignoring case.
   *
   * @throws ValidationException (field {@code stage}) if the name is null or no stage has it
   */
  public Stage stage(String name) {
    Check.notNull(name, "stage");
    Stage s = byName.get(name.strip().toLowerCase(Locale.ROOT));
    if (s == null) {
      throw new ValidationException("stage", "must be a stage of the pipeline (ignoring case): "
          + stages.stream().map(Stage::name).toList());
    }
    return s;
  }

  /**
   * The open stage with this name, ignoring case: where an opportunity can be opened, moved or
   * reopened.
   *
   * @throws ValidationException (field {@code stage}) if the name is null, no stage has it (the
   *     message lists the open stages only) or it is the won or lost stage (which only winning or
   *     losing reaches)
   */
  public Stage openStage(String name) {
    Check.notNull(name, "stage");
    Stage s = byName.get(name.strip().toLowerCase(Locale.ROOT));
    List<String> open = stages.stream().filter(x -> x.outcome() == OpportunityStatus.OPEN).map(Stage::name).toList();
    if (s == null) {
      throw new ValidationException("stage", "must be an open stage of the pipeline (ignoring case): " + open);
    }
    if (s.outcome() != OpportunityStatus.OPEN) {
      throw new ValidationException("stage", "must be an open stage of the pipeline, one of " + open + " ("
          + s.name() + " closes the opportunity: win or lose it instead)");
    }
    return s;
  }

  /** The first open stage: where new opportunities start. */
  public Stage firstStage() {
    return stages.stream().filter(s -> s.outcome() == OpportunityStatus.OPEN).findFirst().orElseThrow();
  }

  /** The stage that closes an opportunity as won. */
  public Stage wonStage() {
    return won;
  }

  /** The stage that closes an opportunity as lost. */
  public Stage lostStage() {
    return lost;
  }

  /** Builds a {@link Pipeline}. Not thread-safe. */
  public static final class Builder {
    private final List<Stage> open = new ArrayList<>();
    private Stage won;
    private Stage lost;

    private Builder() {}

    /**
     * Adds the next open stage.
     *
     * @throws ValidationException if the name is null, blank or too long, the probability not
     *     0 to 100, or the category null
     */
    public Builder stage(String name, int probability, ForecastCategory category) {
      open.add(new Stage(name, probability, category, OpportunityStatus.OPEN));
      return this;
    }

    /**
     * Names the won stage (100 %, closed).
     *
     * @throws ValidationException if null, blank or too long
     */
    public Builder won(String name) {
      won = new Stage(name, 100, ForecastCategory.CLOSED, OpportunityStatus.WON);
      return this;
    }

    /**
     * Names the lost stage (0 %, omitted).
     *
     * @throws ValidationException if null, blank or too long
     */
    public Builder lost(String name) {
      lost = new Stage(name, 0, ForecastCategory.OMITTED, OpportunityStatus.LOST);
      return this;
    }

    /**
     * The pipeline.
     *
     * @throws ValidationException if it has no open stage, no won or lost stage, or a repeated name
     */
    public Pipeline build() {
      List<Stage> all = new ArrayList<>(open);
      if (won != null) {
        all.add(won);
      }
      if (lost != null) {
        all.add(lost);
      }
      return new Pipeline(all);
    }
  }
}
