package dev.rapport.crm.service;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * A service case: a customer's service request after a sale, from an account (and optionally one
 * of its contacts), worked by an owner from {@link CaseStatus#NEW} to resolved and closed. It
 * records when the customer first got an answer ({@link #firstResponseAt()}) and when it was
 * resolved, the two times service levels are measured by.
 *
 * <p>An immutable value; adapters rebuild stored cases with the canonical constructor.
 *
 * @param id the case's id
 * @param tenantId the tenant it belongs to
 * @param version how many times it has been stored (0 before the first save)
 * @param accountId the account that asked
 * @param contactId the contact of that account who asked, if known
 * @param subject what it is about, 1 to {@value Limits#TEXT} characters
 * @param description the request in full, up to {@value Limits#CASE_DESCRIPTION} characters
 * @param priority how urgent it is
 * @param status where it stands
 * @param owner who works it (a user id of the host), up to {@value Limits#TEXT} characters
 * @param resolution what solved it, up to {@value Limits#CASE_RESOLUTION} characters; present
 *     exactly when the case is resolved or closed
 * @param openedAt when it was opened
 * @param updatedAt when it last changed
 * @param firstResponseAt when the customer first got an answer: the first move out of
 *     {@code NEW}, or an explicit first response, whichever came first; never before the opening
 * @param resolvedAt when it was last resolved; present exactly when resolved or closed
 * @param fields its custom field values ({@link dev.rapport.crm.field.CustomField})
 * @param level the service level it is held to, when the tenant has a service policy
 */
public record ServiceCase(
    CaseId id,
    TenantId tenantId,
    long version,
    AccountId accountId,
    Optional<ContactId> contactId,
    String subject,
    Optional<String> description,
    CasePriority priority,
    CaseStatus status,
    Optional<String> owner,
    Optional<String> resolution,
    Instant openedAt,
    Instant updatedAt,
    Optional<Instant> firstResponseAt,
    Optional<Instant> resolvedAt,
    CustomFields fields,
    Optional<CaseLevel> level) {

  /**
   * @throws ValidationException if a part is null, a text blank, too long or not storable, an
   *     instant out of range, the resolution or resolution time present when the case is not
   *     resolved or closed (or absent when it is), or a first response without which a case
   *     cannot have left {@code NEW}
   */
  public ServiceCase {
    Check.notNull(fields, "fields");
    Check.notNull(level, "level");
    Check.notNull(id, "caseId");
    Check.notNull(tenantId, "tenantId");
    Check.notNegative(version, "version");
    Check.notNull(accountId, "accountId");
    Check.notNull(contactId, "contactId");
    subject = Check.text(subject, "subject", Limits.TEXT);
    description = optional(description, "description", Limits.CASE_DESCRIPTION);
    Check.notNull(priority, "priority");
    Check.notNull(status, "status");
    owner = optional(owner, "owner", Limits.TEXT);
    resolution = optional(resolution, "resolution", Limits.CASE_RESOLUTION);
    openedAt = Check.instant(openedAt, "openedAt");
    updatedAt = Check.instant(updatedAt, "updatedAt");
    Check.notNull(firstResponseAt, "firstResponseAt");
    firstResponseAt = firstResponseAt.map(t -> Check.instant(t, "firstResponseAt"));
    Check.notNull(resolvedAt, "resolvedAt");
    resolvedAt = resolvedAt.map(t -> Check.instant(t, "resolvedAt"));
    boolean done = status == CaseStatus.RESOLVED || status == CaseStatus.CLOSED;
    if (done != resolution.isPresent()) {
      throw new ValidationException("resolution", "must be present exactly when the case is resolved or closed");
    }
    if (done != resolvedAt.isPresent()) {
      throw new ValidationException("resolvedAt", "must be present exactly when the case is resolved or closed");
    }
    if (status != CaseStatus.NEW && firstResponseAt.isEmpty()) {
      throw new ValidationException("firstResponseAt", "must be present once the case has left NEW");
    }
  }

  private static Optional<String> optional(Optional<String> value, String field, int max) {
    Check.notNull(value, field);
    return value.map(v -> Check.text(v, field, max));
  }

  /**
   * A new case, version 0, {@code NEW}, opened now.
   *
   * @throws ValidationException if an argument is null
   */
  public static ServiceCase open(CaseId id, TenantId tenantId, NewCase draft, Instant now) {
    Check.notNull(draft, "case");
    return new ServiceCase(id, tenantId, 0, draft.accountId, draft.contactId, draft.subject,
        draft.description, draft.priority, CaseStatus.NEW, draft.owner, Optional.empty(), now, now,
        Optional.empty(), Optional.empty(), draft.fields(), Optional.empty());
  }

  /** Whether the case is open (needs work). */
  public boolean isOpen() {
    return status.isOpen();
  }

  /**
   * Moves the case to another status, but {@code RESOLVED} (see {@link #resolve}). The first move
   * out of {@code NEW} is the first response, unless one was recorded already. Reopening clears
   * the resolution and its time.
   *
   * @throws ValidationException if the status is null or {@code RESOLVED}
   * @throws IllegalTransitionException if {@link CaseStatus#canMoveTo} refuses the move
   */
  public ServiceCase moveTo(CaseStatus next, Instant now) {
    Check.notNull(next, "status");
    if (next == CaseStatus.RESOLVED) {
      throw new ValidationException("status", "must not be RESOLVED: resolve the case with a resolution");
    }
    if (!status.canMoveTo(next)) {
      throw new IllegalTransitionException("case", status, next);
    }
    boolean reopening = next == CaseStatus.REOPENED;
    return new ServiceCase(id, tenantId, version, accountId, contactId, subject, description,
        priority, next, owner, reopening ? Optional.empty() : resolution, openedAt, now,
        firstResponseAt.or(() -> Optional.of(now)), reopening ? Optional.empty() : resolvedAt, fields, level);
  }

  /**
   * Resolves the case with what solved it.
   *
   * @throws ValidationException if the resolution is null, blank, longer than
   *     {@value Limits#CASE_RESOLUTION} characters or not storable
   * @throws IllegalTransitionException if the case is resolved or closed
   */
  public ServiceCase resolve(String text, Instant now) {
    String r = Check.text(text, "resolution", Limits.CASE_RESOLUTION);
    if (!status.canMoveTo(CaseStatus.RESOLVED)) {
      throw new IllegalTransitionException("case", status, CaseStatus.RESOLVED);
    }
    return new ServiceCase(id, tenantId, version, accountId, contactId, subject, description,
        priority, CaseStatus.RESOLVED, owner, Optional.of(r), openedAt, now,
        firstResponseAt.or(() -> Optional.of(now)), Optional.of(now), fields, level);
  }

  /**
   * Records the first response to the customer now, if none was recorded; a case that has one
   * is returned unchanged (the first response happens once).
   *
   * @throws IllegalTransitionException if the case is closed
   */
  public ServiceCase respond(Instant now) {
    if (status == CaseStatus.CLOSED) {
      throw new IllegalTransitionException("case", status, "recordFirstResponse");
    }
    if (firstResponseAt.isPresent()) {
      return this;
    }
    return new ServiceCase(id, tenantId, version, accountId, contactId, subject, description,
        priority, status, owner, resolution, openedAt, now, Optional.of(now), resolvedAt, fields, level);
  }

  /**
   * Gives the case to an owner.
   *
   * @throws ValidationException if the owner is null, blank, too long or not storable
   * @throws IllegalTransitionException if the case is closed
   */
  public ServiceCase assign(String newOwner, Instant now) {
    String o = Check.text(newOwner, "owner", Limits.TEXT);
    requireNotClosed("assign");
    if (owner.equals(Optional.of(o))) {
      return this;
    }
    return new ServiceCase(id, tenantId, version, accountId, contactId, subject, description,
        priority, status, Optional.of(o), resolution, openedAt, now, firstResponseAt, resolvedAt, fields, level);
  }

  /**
   * Changes the priority.
   *
   * @throws ValidationException if it is null
   * @throws IllegalTransitionException if the case is closed
   */
  public ServiceCase prioritize(CasePriority p, Instant now) {
    Check.notNull(p, "priority");
    requireNotClosed("changePriority");
    if (p == priority) {
      return this;
    }
    return new ServiceCase(id, tenantId, version, accountId, contactId, subject, description,
        p, status, owner, resolution, openedAt, now, firstResponseAt, resolvedAt, fields, level);
  }

  private void requireNotClosed(String action) {
    if (status == CaseStatus.CLOSED) {
      throw new IllegalTransitionException("case", status, action);
    }
  }

  /**
   * This case with other custom field values (checked against the tenant's fields by its
   * service); this very one when they are the same.
   *
   * @throws ValidationException if they are null
   */
  public ServiceCase withFields(CustomFields newFields, Instant now) {
    Check.notNull(newFields, "fields");
    Check.notNull(now, "now");
    if (newFields.equals(fields)) {
      return this;
    }
    return new ServiceCase(id, tenantId, version, accountId, contactId, subject, description, priority, status, owner, resolution, openedAt, now, firstResponseAt, resolvedAt, newFields, level);
  }

  /**
   * This case held to another service level (set by {@code crm.cases()} and {@code
   * crm.serviceLevels()}); this very one when it is the same.
   *
   * @throws ValidationException if it is null
   */
  public ServiceCase withLevel(Optional<CaseLevel> newLevel) {
    Check.notNull(newLevel, "level");
    if (newLevel.equals(level)) {
      return this;
    }
    return new ServiceCase(id, tenantId, version, accountId, contactId, subject, description, priority, status,
        owner, resolution, openedAt, updatedAt, firstResponseAt, resolvedAt, fields, newLevel);
  }

  /**
   * When the next target of the case falls due while its clock runs: the first response while
   * there is none, else the resolution while the case is open and not waiting on the customer.
   * Empty when the case has no service level, or no clock runs. The open-case list ordered by due
   * instant ({@link CaseQuery.Order#DUE}) is ordered by it.
   */
  public Optional<Instant> dueAt() {
    if (level.isEmpty() || !isOpen()) {
      return Optional.empty();
    }
    CaseLevel l = level.get();
    if (firstResponseAt.isEmpty()) {
      return Optional.of(l.responseDue());
    }
    return l.pausedSince().isPresent() ? Optional.empty() : Optional.of(l.resolutionDue());
  }

  /**
   * When {@code crm.serviceLevels().refresh()} next has an alert to raise for this case (see
   * {@link CaseLevel.Alert}), or empty when none will come by the time alone.
   */
  public Optional<Instant> alertAt() {
    Optional<Instant> first = Optional.empty();
    for (CaseLevel.Alert a : CaseLevel.Alert.values()) {
      Optional<Instant> at = alertDue(a);
      if (at.isPresent() && (first.isEmpty() || at.get().isBefore(first.get()))) {
        first = at;
      }
    }
    return first;
  }

  /** When the alert comes due for this case, or empty if it never will (raised, answered, resolved, stopped). */
  public Optional<Instant> alertDue(CaseLevel.Alert alert) {
    Check.notNull(alert, "alert");
    return level.flatMap(l -> l.alertDue(alert, firstResponseAt, isOpen()));
  }
}
