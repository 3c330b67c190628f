package dev.rapport.crm.service;

import dev.rapport.crm.field.CustomFieldRepository;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.CustomFieldsChanged;
import dev.rapport.crm.field.RecordKind;
import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.internal.context.Versioned;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.ArrayList;
import dev.rapport.crm.common.BusinessCalendar;
import dev.rapport.crm.internal.context.ServiceClock;
import dev.rapport.crm.exception.StoreException;
import java.util.function.BiFunction;

/**
 * Opens service cases and works them to resolved and closed. Reached through {@code crm.cases()}.
 * Thread-safe; every command is stored whole or not at all, and a refused one changes nothing.
 *
 * <p>A case's contact, when given, must be a contact of the case's account (a contact attached to
 * no account, or to another, is refused): the case, its events and the account's timeline then
 * agree on who asked.
 */
public final class CaseService {
  private final CrmContext ctx;
  private final long expectedVersion; // -1: any version
  private final Versioned<CaseId, ServiceCase> versioned;

  /** Internal: obtain the service from {@code Crm.cases()}. */
  CaseService(CrmContext ctx) {
    this(ctx, -1);
  }

  private CaseService(CrmContext ctx, long expectedVersion) {
    this.ctx = ctx;
    this.expectedVersion = expectedVersion;
    this.versioned = new Versioned<>(ctx, "case", "caseId", (uow, id) -> uow.port(CaseRepository.class).find(id),
        (uow, x) -> uow.port(CaseRepository.class).update(x), ServiceCase::version);
  }

  /**
   * A view of this service whose commands on an existing case first check that it is still at
   * {@code version}, and refuse with {@link ConcurrentUpdateException} when someone changed it
   * since. Queries and opening are unaffected.
   *
   * @throws ValidationException if the version is below 1
   */
  public CaseService ifVersion(long version) {
    return new CaseService(ctx, Check.expectedVersion(version));
  }

  /**
   * Opens a case, {@link CaseStatus#NEW}. When the tenant has a service policy ({@code
   * crm.serviceLevels()}), the case is held to its account's tier: opened at least at the tier's
   * least priority, with the tier's targets for its priority and their due instants ({@link
   * ServiceCase#level()}). Raises {@link CaseOpened} (with the priority the case got).
   *
   * @throws ValidationException if the draft is null, or its contact is not a contact of its account
   * @throws NotFoundException if the account or the contact does not exist
   */
  public ServiceCase open(NewCase draft) {
    Check.notNull(draft, "case");
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      if (uow.port(AccountRepository.class).find(draft.accountId).isEmpty()) {
        throw new NotFoundException("account", draft.accountId);
      }
      if (draft.contactId.isPresent()) {
        Contact c = uow.port(ContactRepository.class).find(draft.contactId.get())
            .orElseThrow(() -> new NotFoundException("contact", draft.contactId.get()));
        if (!c.accountId().equals(Optional.of(draft.accountId))) {
          throw new ValidationException("contactId", "must be a contact of the account " + draft.accountId);
        }
      }
      Instant now = ctx.now();
      ServiceCase c = ServiceCase.open(CaseId.of(ctx.ids().next()), ctx.tenant(), draft, now);
      Optional<ServiceClock.Terms> terms = clock().forAccount(uow, draft.accountId, draft.priority.ordinal());
      if (terms.isPresent()) {
        ServiceClock.Terms t = terms.get();
        c = c.prioritize(CasePriority.values()[t.priority()], now).withLevel(Optional.of(CaseLevel.start(t.tier(),
            t.rank(), t.response(), t.resolution(), t.atRiskPercent(), now, t.calendar())));
      }
      uow.port(CustomFieldRepository.class).check(RecordKind.CASE, CustomFields.empty(), c.fields());
      ServiceCase stored = uow.port(CaseRepository.class).insert(c);
      cmd.raise(new CaseOpened(ctx.tenant(), now, c.id(), c.accountId(), c.contactId(), c.subject(), c.priority()));
      dev.rapport.crm.field.CustomFieldsChanged.between(ctx.tenant(), now, dev.rapport.crm.field.RecordKind.CASE, c.id().value(),
          dev.rapport.crm.field.CustomFields.empty(), c.fields()).ifPresent(cmd::raise);
      return stored;
    });
  }

  /**
   * The case with this id.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such case
   */
  public ServiceCase get(CaseId id) {
    Check.notNull(id, "caseId");
    return ctx.read(uow -> load(uow, id));
  }

  /**
   * The case with this id, or empty.
   *
   * @throws ValidationException if the id is null
   */
  public Optional<ServiceCase> find(CaseId id) {
    Check.notNull(id, "caseId");
    return ctx.read(uow -> uow.port(CaseRepository.class).find(id));
  }

  /**
   * A page of the open cases (new, in progress, waiting on customer, reopened) matching the query,
   * oldest first (keyset paging: see {@link PageRequest}).
   *
   * @throws ValidationException if an argument is null
   */
  public Page<ServiceCase> query(CaseQuery query, PageRequest page) {
    Check.notNull(query, "query");
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(CaseRepository.class).query(query, page));
  }

  /**
   * How many open cases match the query: as many as walking every page of {@link #query}
   * returns, counted by the store in one statement.
   *
   * @throws ValidationException if the query is null
   */
  public long count(CaseQuery query) {
    Check.notNull(query, "query");
    return ctx.read(uow -> uow.port(CaseRepository.class).count(query));
  }

  /**
   * A page of the account's cases in every status, oldest first.
   *
   * @throws ValidationException if an argument is null
   */
  public Page<ServiceCase> byAccount(AccountId account, PageRequest page) {
    Check.notNull(account, "accountId");
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(CaseRepository.class).byAccount(account, page));
  }

  /**
   * How many cases the account has, in every status: as many as {@link #byAccount} returns over
   * all its pages, counted by the store in one statement (an unknown account has none).
   *
   * @throws ValidationException if the account is null
   */
  public long countByAccount(AccountId account) {
    Check.notNull(account, "accountId");
    return ctx.read(uow -> uow.port(CaseRepository.class).countByAccount(account));
  }

  /**
   * Moves a case to another status: in progress, waiting on customer, closed or reopened (resolve
   * with {@link #resolve}). The first move out of {@code NEW} sets the first response time. A case
   * with a service level stops its resolution clock while it waits on the customer, and starts it
   * again (its due instants moved on by the business time it stood still) when it is back in
   * progress or reopened. Raises {@link CaseStatusChanged}.
   *
   * @throws ValidationException if an argument is null, or the status is {@code RESOLVED}
   * @throws NotFoundException if the case does not exist
   * @throws IllegalTransitionException if the move is not one of {@link CaseStatus}'s
   * @throws ConcurrentUpdateException if it was changed concurrently
   */
  public ServiceCase changeStatus(CaseId id, CaseStatus status) {
    Check.notNull(status, "status");
    if (status == CaseStatus.RESOLVED) {
      throw new ValidationException("status", "must not be RESOLVED: resolve the case with a resolution");
    }
    return change(id, (c, now) -> c.moveTo(status, now));
  }

  /**
   * Resolves a case with what solved it. Raises {@link CaseStatusChanged} and {@link CaseResolved}.
   *
   * @throws ValidationException if an argument is null, or the resolution blank, longer than
   *     {@value Limits#CASE_RESOLUTION} characters or not storable
   * @throws NotFoundException if the case does not exist
   * @throws IllegalTransitionException if it is resolved or closed
   * @throws ConcurrentUpdateException if it was changed concurrently
   */
  public ServiceCase resolve(CaseId id, String resolution) {
    String r = Check.text(resolution, "resolution", Limits.CASE_RESOLUTION);
    return change(id, (c, now) -> c.resolve(r, now));
  }

  /**
   * Records that the customer got a first answer now (e.g. a reply by e-mail while the case stays
   * {@code NEW}). A case that has a first response keeps it, unchanged.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the case does not exist
   * @throws IllegalTransitionException if it is closed
   * @throws ConcurrentUpdateException if it was changed concurrently
   */
  public ServiceCase recordFirstResponse(CaseId id) {
    return change(id, (c, now) -> c.respond(now));
  }

  /**
   * Gives a case to an owner.
   *
   * @throws ValidationException if an argument is null, or the owner blank, longer than
   *     {@value Limits#TEXT} characters or not storable
   * @throws NotFoundException if the case does not exist
   * @throws IllegalTransitionException if it is closed
   * @throws ConcurrentUpdateException if it was changed concurrently
   */
  public ServiceCase assign(CaseId id, String owner) {
    String o = Check.text(owner, "owner", Limits.TEXT);
    return change(id, (c, now) -> c.assign(o, now));
  }

  /**
   * Changes a case's priority; a case with a service level takes its tier's targets for the new
   * priority, counted from its opening.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the case does not exist
   * @throws IllegalTransitionException if it is closed
   * @throws ConcurrentUpdateException if it was changed concurrently
   */
  public ServiceCase changePriority(CaseId id, CasePriority priority) {
    Check.notNull(priority, "priority");
    return change(id, (c, now) -> c.prioritize(priority, now));
  }

  private ServiceCase load(UnitOfWork uow, CaseId id) {
    return versioned.load(uow, id);
  }

  /**
   * Sets the case's custom field values: these replace the ones it has (a key left out loses its
   * value). Checked against the tenant's case fields: a new or changed value must belong to a
   * field not removed and fit it, every required field must have a value; a value of a removed
   * field may stay. Raises {@link CustomFieldsChanged} (none if nothing changes).
   *
   * @throws ValidationException if an argument is null, or (field {@code fields.<key>}) a value
   *     breaks its field's rules or a required field has none
   * @throws NotFoundException if the tenant has no such case
   * @throws ConcurrentUpdateException if the case was changed concurrently, or is not at the
   *     version given to {@link #ifVersion}
   */
  public ServiceCase setFields(CaseId id, CustomFields fields) {
    Check.notNull(fields, "fields");
    return versioned.change(id, expectedVersion, (uow, before, now) -> {
      uow.port(CustomFieldRepository.class).check(RecordKind.CASE, before.fields(), fields);
      return before.withFields(fields, now);
    }, (cmd, before, after, now) -> cmd.raise(new CustomFieldsChanged(ctx.tenant(), now, RecordKind.CASE,
        after.id().value(), before.fields(), after.fields())));
  }

  private ServiceClock clock() {
    return ctx.setting(ServiceClock.class);
  }

  /**
   * The service level of a case after a change: new targets for a new priority, the resolution
   * clock stopped when the case waits on the customer or is resolved, started again when it comes back.
   */
  private ServiceCase level(UnitOfWork uow, ServiceCase before, ServiceCase after, Instant now) {
    if (after.level().isEmpty()) {
      return after;
    }
    CaseLevel l = after.level().get();
    Optional<BusinessCalendar> calendar = Optional.empty();
    if (before.priority() != after.priority()) {
      Optional<ServiceClock.Terms> t = clock().forTier(uow, l.tier(), after.priority().ordinal());
      if (t.isPresent()) {
        calendar = Optional.of(t.get().calendar());
        l = l.retarget(t.get().response(), t.get().resolution(), after.openedAt(), calendar.get());
      }
    }
    boolean ranBefore = runs(before);
    boolean runsAfter = runs(after);
    if (ranBefore && !runsAfter) {
      l = l.pause(now);
    } else if (!ranBefore && runsAfter) {
      BusinessCalendar cal = calendar.or(() -> clock().calendar(uow))
          .orElseGet(() -> BusinessCalendar.always(java.time.ZoneOffset.UTC));
      l = l.resume(now, after.openedAt(), cal);
    }
    return after.withLevel(Optional.of(l));
  }

  /** Whether a case's resolution clock runs: open and not waiting on the customer. */
  private static boolean runs(ServiceCase c) {
    return c.isOpen() && c.status() != CaseStatus.WAITING_ON_CUSTOMER;
  }

  /**
   * Raises the service-level alerts that have come due: for each open case whose first response or
   * resolution has become at risk ({@link CaseTargetAtRisk}) or breached ({@link
   * CaseTargetBreached}) by now, each alert once per case and target; the case records it (its
   * version moves on). An alert that came due before the case's resolution clock stopped is raised
   * too. The host schedules it (every few minutes, say); it starts no thread. On the JPA adapter
   * the due cases are one indexed statement; each raised case is one update.
   *
   * @return the events raised, by the instant each came due, soonest first
   * @throws StoreException if the store fails
   */
  public List<CaseEvent> refreshServiceLevels() {
    return ctx.command(cmd -> {
      Instant now = ctx.now();
      CaseRepository cases = cmd.uow().port(CaseRepository.class);
      record Raised(Instant at, CaseEvent event) {}
      List<Raised> found = new ArrayList<>();
      List<ServiceCase> due;
      do {
        due = cases.alertsDue(now, PageRequest.MAX_SIZE);
        for (ServiceCase c : due) {
          java.util.EnumSet<CaseLevel.Alert> fired = java.util.EnumSet.noneOf(CaseLevel.Alert.class);
          for (CaseLevel.Alert a : CaseLevel.Alert.values()) {
            Optional<Instant> at = c.alertDue(a);
            if (at.isPresent() && !at.get().isAfter(now)) {
              fired.add(a);
              CaseLevel l = c.level().orElseThrow();
              Instant dueAt = l.due(a.target());
              found.add(new Raised(at.get(), a.breach()
                  ? new CaseTargetBreached(ctx.tenant(), now, c.id(), c.accountId(), l.tier(), a.target(), dueAt)
                  : new CaseTargetAtRisk(ctx.tenant(), now, c.id(), c.accountId(), l.tier(), a.target(), dueAt)));
            }
          }
          cases.update(c.withLevel(Optional.of(c.level().orElseThrow().alerted(fired))));
        }
      } while (due.size() == PageRequest.MAX_SIZE);
      // soonest first: by the instant each alert came due (a stable sort keeps a case's own in order)
      found.sort(java.util.Comparator.comparing(Raised::at));
      List<CaseEvent> raised = found.stream().map(Raised::event).toList();
      raised.forEach(cmd::raise);
      return List.copyOf(raised);
    });
  }

  private ServiceCase change(CaseId id, BiFunction<ServiceCase, Instant, ServiceCase> transition) {
    return versioned.change(id, expectedVersion, (uow, before, now) -> level(uow, before, transition.apply(before, now), now),
        (cmd, before, stored, now) -> {
          if (before.status() != stored.status()) {
            cmd.raise(new CaseStatusChanged(ctx.tenant(), now, id, stored.accountId(), stored.contactId(),
                before.status(), stored.status()));
            if (stored.status() == CaseStatus.RESOLVED) {
              cmd.raise(new CaseResolved(ctx.tenant(), now, id, stored.accountId(), stored.contactId(),
                  stored.resolution().orElseThrow(), stored.openedAt()));
            }
          }
        });
  }

  /**
   * Deletes a service case (one opened by mistake), in any status. Feedback answers that name it
   * are refused, naming how many: delete them first. The account's timeline keeps the lines of
   * what happened to the case. Under {@link #ifVersion} it must still be at that version. Raises
   * {@link CaseDeleted}.
   *
   * @return the event
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such case
   * @throws IllegalTransitionException if feedback answers name it (naming how many)
   * @throws ConcurrentUpdateException if it is not at the version given to {@link #ifVersion}, or
   *     was changed concurrently
   */
  public CaseDeleted delete(CaseId id) {
    Check.notNull(id, "caseId");
    return ctx.command(cmd -> {
      ServiceCase serviceCase = versioned.load(cmd.uow(), id);
      versioned.checkVersion(id, serviceCase, expectedVersion);
      ctx.setting(dev.rapport.crm.internal.context.Cascade.class).requireNoDependants(cmd, dev.rapport.crm.internal.context.Cascade.Subject.CASE, id.value());
      cmd.uow().port(CaseRepository.class).delete(serviceCase);
      CaseDeleted event = new CaseDeleted(ctx.tenant(), ctx.now(), id, serviceCase.accountId(), serviceCase.contactId());
      cmd.raise(event);
      return event;
    });
  }
}
