package dev.rapport.crm.audit;

import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import java.util.UUID;

/**
 * The audit trail: who changed which record, when, from what to what. Every command writes its
 * entries in its own unit of work (one entry per event it raises, and one per record it changed
 * without an event), naming the actor of the {@code Crm} ({@code Crm.Builder.actor}, default
 * {@code "system"}, or {@code crm.as(actor)} per request). A {@code Crm} built with
 * {@code auditTrail(false)} writes none. Obtain it from {@code Crm.audit()}.
 */
public final class AuditService {
  private final CrmContext ctx;

  /** Internal: obtain the service from {@code Crm.audit()}. */
  AuditService(CrmContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The entries of one record (a lead, contact, account, opportunity, case, ... by its id), oldest
   * first.
   *
   * @throws ValidationException if an argument is null
   */
  public Page<AuditEntry> ofRecord(UUID recordId, PageRequest page) {
    Check.notNull(recordId, "recordId");
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(AuditRepository.class).ofRecord(recordId, page));
  }

  /**
   * How many entries one record has.
   *
   * @throws ValidationException if the id is null
   */
  public long countOfRecord(UUID recordId) {
    Check.notNull(recordId, "recordId");
    return ctx.read(uow -> uow.port(AuditRepository.class).countOfRecord(recordId));
  }

  /**
   * The entries one actor wrote, oldest first.
   *
   * @throws ValidationException if an argument is null, or the actor blank or over 200 characters
   */
  public Page<AuditEntry> byActor(String actor, PageRequest page) {
    String who = Check.text(actor, "actor", dev.rapport.crm.common.Limits.TEXT);
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(AuditRepository.class).byActor(who, page));
  }

  /**
   * How many entries one actor wrote.
   *
   * @throws ValidationException if the actor is null, blank or over 200 characters
   */
  public long countByActor(String actor) {
    String who = Check.text(actor, "actor", dev.rapport.crm.common.Limits.TEXT);
    return ctx.read(uow -> uow.port(AuditRepository.class).countByActor(who));
  }
}
