package dev.rapport.crm.servicelevel;

import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.BusinessCalendar;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.feedback.FeedbackRepository;
import dev.rapport.crm.field.CustomField;
import dev.rapport.crm.field.CustomFieldRepository;
import dev.rapport.crm.field.RecordKind;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.sales.SalesSettings;
import dev.rapport.crm.service.CaseLevel;
import dev.rapport.crm.service.CaseRepository;
import dev.rapport.crm.service.ServiceCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Service levels by customer value: the tenant's {@link ServicePolicy}, the tier of each account
 * (re-tiered in batches the host schedules), where a case stands against its targets, and how the
 * tiers were served. Reached through {@code crm.serviceLevels()}. Thread-safe; starts no thread.
 *
 * <p>A case opened while the tenant has a policy is held to its account's tier (see {@link
 * dev.rapport.crm.service.CaseLevel}): at least the tier's priority, the tier's targets for that
 * priority, measured in the policy's business calendar; the case service keeps the clocks as the
 * case moves, and {@code crm.cases().refreshServiceLevels()} raises the alerts.
 */
public final class ServiceLevelService {
  /** The largest re-tiering batch. */
  public static final int MAX_BATCH = 10_000;

  private final CrmContext ctx;

  /** Internal: obtain the service from {@code Crm.serviceLevels()}. */
  ServiceLevelService(CrmContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Defines the tenant's service policy, replacing the one it had, and starts a new re-tiering run
   * ({@link #retier}): until an account is re-tiered it keeps the tier it had (or, never tiered or
   * in a tier the policy no longer has, gets the default). Cases already open keep the level they
   * were opened with. Raises {@link ServicePolicyChanged}.
   *
   * @return the policy as stored
   * @throws ValidationException if the policy is null; (field {@code rule.field}) a flag rule names
   *     no account custom field, or a value of another type; (field {@code rule.revenue}) a revenue
   *     rule is not in the reporting currency
   * @throws ConcurrentUpdateException if the policy was defined or re-tiered concurrently
   */
  public ServicePolicy define(ServicePolicy policy) {
    Check.notNull(policy, "policy");
    String currency = ctx.setting(SalesSettings.class).reportingCurrency().getCurrencyCode();
    return ctx.command(cmd -> {
      for (ServiceTier t : policy.tiers()) {
        for (TierRule r : t.rules()) {
          if (r.kind() == TierRule.Kind.FLAG) {
            Optional<CustomField> f = cmd.uow().port(CustomFieldRepository.class).find(RecordKind.ACCOUNT, r.field().get());
            if (f.isEmpty() || f.get().removed() || f.get().type() != r.value().get().type()) {
              throw new ValidationException("rule.field", "must name an account custom field of type "
                  + r.value().get().type() + ": " + r.field().get());
            }
          }
          if (r.kind() == TierRule.Kind.REVENUE && !r.revenue().get().currency().getCurrencyCode().equals(currency)) {
            throw new ValidationException("rule.revenue", "must be in the reporting currency " + currency);
          }
        }
      }
      ServiceLevelRepository repo = cmd.uow().port(ServiceLevelRepository.class);
      Optional<ServiceLevelRepository.State> before = repo.state();
      Instant now = ctx.now();
      ServiceLevelRepository.State next = new ServiceLevelRepository.State(policy,
          before.map(s -> s.revision() + 1).orElse(1L), before.map(ServiceLevelRepository.State::version).orElse(0L),
          Optional.empty(), now);
      repo.save(next);
      cmd.raise(new ServicePolicyChanged(ctx.tenant(), now, next.revision(),
          policy.tiers().stream().map(ServiceTier::name).toList()));
      return policy;
    });
  }

  /** The tenant's service policy, or empty when it has none. */
  public Optional<ServicePolicy> policy() {
    return ctx.read(uow -> uow.port(ServiceLevelRepository.class).state().map(ServiceLevelRepository.State::policy));
  }

  /**
   * Re-tiers the next {@code batchSize} accounts of the current run (in id order) by the policy's
   * rules, as of today: the first tier with a rule the account meets, else the default. Raises
   * {@link AccountTierChanged} for each account whose tier changes (or that gets its first). The
   * sales and analytics facts the rules use are gathered once per call, so fewer, larger batches
   * cost less; the host schedules the calls (e.g. nightly, until {@link Retiered#done()}), and a
   * call after the run is done starts the next run, as the facts change with time. Nothing happens
   * when the tenant has no policy.
   *
   * @throws ValidationException (field {@code batchSize}) if it is not 1 to 10,000
   * @throws ConcurrentUpdateException if the policy was defined, or this run moved on, concurrently
   * @throws StoreException if the store or the host's ledger fails
   */
  public Retiered retier(int batchSize) {
    Check.range(batchSize, "batchSize", 1, MAX_BATCH);
    Optional<ServiceLevelRepository.State> read = ctx.read(uow -> uow.port(ServiceLevelRepository.class).state());
    if (read.isEmpty()) {
      return new Retiered(0, 0, List.of(), true);
    }
    TierFacts facts = TierFacts.gather(ctx, read.get().policy());
    return ctx.command(cmd -> {
      ServiceLevelRepository repo = cmd.uow().port(ServiceLevelRepository.class);
      ServiceLevelRepository.State state = repo.state().orElseThrow();
      if (state.version() != read.get().version()) {
        throw new ConcurrentUpdateException("service_policy", ctx.tenant().value(), read.get().version(), state.version());
      }
      ServicePolicy policy = state.policy();
      AccountRepository accounts = cmd.uow().port(AccountRepository.class);
      List<Account> batch = new ArrayList<>();
      Optional<String> cursor = state.cursor().map(AccountId::toString);
      boolean done = false;
      while (batch.size() < batchSize) {
        int size = Math.min(PageRequest.MAX_SIZE, batchSize - batch.size());
        Page<Account> page = accounts.list(new PageRequest(size, cursor));
        batch.addAll(page.items());
        if (page.nextCursor().isEmpty()) {
          done = true;
          break;
        }
        cursor = page.nextCursor();
      }
      Map<AccountId, String> had = repo.tiers(batch.stream().map(Account::id).toList());
      Map<AccountId, String> changed = new LinkedHashMap<>();
      List<AccountTierChanged> events = new ArrayList<>();
      Instant now = ctx.now();
      for (Account a : batch) {
        String tier = policy.tierOf(facts.of(a)).name();
        Optional<String> before = Optional.ofNullable(had.get(a.id()));
        if (!before.equals(Optional.of(tier))) {
          changed.put(a.id(), tier);
          events.add(new AccountTierChanged(ctx.tenant(), now, a.id(), before, tier));
        }
      }
      if (!changed.isEmpty()) {
        repo.saveTiers(changed);
      }
      Optional<AccountId> last = done || batch.isEmpty() ? Optional.empty() : Optional.of(batch.get(batch.size() - 1).id());
      repo.save(new ServiceLevelRepository.State(policy, state.revision(), state.version(), last, state.changedAt()));
      events.forEach(cmd::raise);
      return new Retiered(state.revision(), batch.size(), events, done);
    });
  }

  /**
   * The tier of an account: the one it was last given if the policy still has it, else the
   * default; empty when the tenant has no policy.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the account does not exist
   */
  public Optional<String> tierOf(AccountId account) {
    Check.notNull(account, "accountId");
    return ctx.read(uow -> {
      if (uow.port(AccountRepository.class).find(account).isEmpty()) {
        throw new NotFoundException("account", account);
      }
      return uow.port(ServiceLevelRepository.class).state()
          .map(s -> tierName(s.policy(), uow.port(ServiceLevelRepository.class).tiers(List.of(account)).get(account)));
    });
  }

  /** The tier a stored tier name stands for under the policy: itself if it has it, else the default. */
  static String tierName(ServicePolicy policy, String stored) {
    return policy.tierOrDefault(java.util.Optional.ofNullable(stored)).name();
  }

  /**
   * Where a case stands against its targets now: for each target the business time allowed and
   * used (the resolution's without the time its clock stood still) and whether it is met, on
   * track, at risk or breached. Business time is counted in the policy's calendar; empty when the
   * case has no service level.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the case does not exist
   */
  public Optional<CaseServiceLevel> of(CaseId id) {
    Check.notNull(id, "caseId");
    return ctx.read(uow -> {
      ServiceCase c = uow.port(CaseRepository.class).find(id).orElseThrow(() -> new NotFoundException("case", id));
      if (c.level().isEmpty()) {
        return Optional.empty();
      }
      BusinessCalendar cal = calendar(uow.port(ServiceLevelRepository.class).state());
      return Optional.of(status(c, cal, ctx.now()));
    });
  }

  private static BusinessCalendar calendar(Optional<ServiceLevelRepository.State> state) {
    return state.map(s -> s.policy().calendar()).orElseGet(() -> BusinessCalendar.always(java.time.ZoneOffset.UTC));
  }

  static CaseServiceLevel status(ServiceCase c, BusinessCalendar cal, Instant now) {
    CaseLevel l = c.level().orElseThrow();
    Duration responseUsed = cal.between(c.openedAt(), c.firstResponseAt().orElse(now));
    TargetStatus response = new TargetStatus(CaseLevel.Target.RESPONSE, l.responseTarget(), l.responseDue(), responseUsed,
        state(c.firstResponseAt().isPresent(), c.firstResponseAt().map(t -> !t.isAfter(l.responseDue())).orElse(false),
            responseUsed, l.responseTarget(), l.atRiskPercent()));
    Duration resolutionUsed = resolutionUsed(c, l, cal, now);
    Instant resolutionDue = l.pausedSince().isPresent() && c.isOpen()
        ? cal.plus(now, l.resolutionTarget().minus(resolutionUsed).isNegative() ? Duration.ZERO : l.resolutionTarget().minus(resolutionUsed))
        : l.resolutionDue();
    TargetStatus resolution = new TargetStatus(CaseLevel.Target.RESOLUTION, l.resolutionTarget(), resolutionDue, resolutionUsed,
        state(!c.isOpen(), resolutionUsed.compareTo(l.resolutionTarget()) <= 0,
            resolutionUsed, l.resolutionTarget(), l.atRiskPercent()));
    return new CaseServiceLevel(c.id(), l.tier(), l.rank(), c.priority(), now, c.dueAt(), response, resolution);
  }

  /** The business time the resolution clock ran: to now, or to where it stopped, less the time it stood still. */
  static Duration resolutionUsed(ServiceCase c, CaseLevel l, BusinessCalendar cal, Instant now) {
    Instant end = l.pausedSince().orElse(now);
    Duration used = cal.between(c.openedAt(), end).minus(l.paused());
    return used.isNegative() ? Duration.ZERO : used;
  }

  private static TargetStatus.State state(boolean done, boolean inTime, Duration used, Duration target, int percent) {
    if (done) {
      return inTime ? TargetStatus.State.MET : TargetStatus.State.BREACHED;
    }
    if (used.compareTo(target) >= 0) {
      return TargetStatus.State.BREACHED;
    }
    return used.toNanos() >= target.toNanos() / 100 * percent ? TargetStatus.State.AT_RISK : TargetStatus.State.ON_TRACK;
  }

  /**
   * How the tenant served its customers over the period: for the cases opened on its days (in the
   * policy calendar's zone) that are held to a service level, per tier (best first) and per owner,
   * how many were opened, answered and resolved, how many within target (counts and shares), how
   * many breached, and the median and 90th-percentile business times to first response and to
   * resolution (nearest rank; the resolution without the time its clock stood still); beside them
   * the CSAT and NPS answers of the period, of the tier's accounts (by their tier now) or naming a
   * case of the owner. Reads the cases and answers a page at a time in one unit of work; stores nothing.
   *
   * @throws ValidationException (field {@code period}) if the period is null
   * @throws StoreException if the store fails
   */
  public ServiceLevelReport report(Period period) {
    Check.notNull(period, "period");
    Instant now = ctx.now();
    return ctx.read(uow -> {
      Optional<ServiceLevelRepository.State> state = uow.port(ServiceLevelRepository.class).state();
      BusinessCalendar cal = calendar(state);
      Instant from = period.from().atStartOfDay(cal.zone()).toInstant();
      Instant to = period.to().plusDays(1).atStartOfDay(cal.zone()).toInstant();
      ServiceReports tally = new ServiceReports(cal, now);
      state.ifPresent(s -> s.policy().tiers().forEach(t -> tally.tier(t.name())));
      Map<CaseId, ServiceCase> opened = new HashMap<>();
      CaseRepository cases = uow.port(CaseRepository.class);
      Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
      while (next.isPresent()) {
        Page<ServiceCase> p = cases.list(next.get());
        for (ServiceCase c : p.items()) {
          if (c.level().isPresent() && !c.openedAt().isBefore(from) && c.openedAt().isBefore(to)) {
            tally.add(c);
            opened.put(c.id(), c);
          }
        }
        next = next.get().next(p);
      }
      List<Feedback> answers = new ArrayList<>();
      FeedbackRepository feedback = uow.port(FeedbackRepository.class);
      next = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
      while (next.isPresent()) {
        Page<Feedback> p = feedback.list(next.get());
        p.items().stream().filter(f -> !f.answeredAt().isBefore(from) && f.answeredAt().isBefore(to)).forEach(answers::add);
        next = next.get().next(p);
      }
      Map<AccountId, String> tiers = uow.port(ServiceLevelRepository.class)
          .tiers(answers.stream().map(Feedback::accountId).distinct().toList());
      for (Feedback f : answers) {
        state.ifPresent(s -> tally.tierAnswer(tierName(s.policy(), tiers.get(f.accountId())), f));
        Optional<ServiceCase> c = f.caseId().map(id -> opened.containsKey(id) ? opened.get(id) : cases.find(id).orElse(null));
        c.filter(x -> x.level().isPresent()).ifPresent(x -> tally.ownerAnswer(x.owner(), f));
      }
      return new ServiceLevelReport(period, tally.tierRows(), tally.ownerRows());
    });
  }
}
