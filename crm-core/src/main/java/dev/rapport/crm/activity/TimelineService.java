package dev.rapport.crm.activity;

import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TaskId;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Timelines: what happened to a lead, contact, account or opportunity, newest first, one
 * keyset page at a time. A timeline merges the record's activities (at the time they happened),
 * its tasks (at the time they were created, as they stand now) and its history (captured, status
 * and temperature changes, conversion, stage moves, won and lost, tasks done and cancelled).
 * Reached through {@code crm.timeline()}. Thread-safe.
 *
 * <p>After conversion, the timelines of the contact and of the account include everything filed
 * under the leads converted into them (the lead's activities, tasks and history, also what is
 * logged on the lead later): the leads are found by their link to what they became, so nothing is
 * copied at conversion.
 *
 * <p>A page costs a bounded number of store reads whatever the size of the timeline: the record,
 * the leads converted into it, the page of the index, and the page's activities and tasks.
 */
public final class TimelineService {
  private final CrmContext ctx;

  /** Internal: obtain the service from {@code Crm.timeline()}. */
  TimelineService(CrmContext ctx) {
    this.ctx = ctx;
  }

  /**
   * A page of a lead's timeline, newest first.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the tenant has no such lead, or the cursor names no timeline entry
   */
  public Page<TimelineItem> lead(LeadId id, PageRequest page) {
    Check.notNull(id, "leadId");
    Check.notNull(page, "page");
    return ctx.read(uow -> {
      uow.port(LeadRepository.class).find(id).orElseThrow(() -> new NotFoundException("lead", id));
      return page(uow, List.of(id.value()), page);
    });
  }

  /**
   * A page of a contact's timeline, newest first, with the leads converted into it.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the tenant has no such contact, or the cursor names no timeline entry
   */
  public Page<TimelineItem> contact(ContactId id, PageRequest page) {
    Check.notNull(id, "contactId");
    Check.notNull(page, "page");
    return ctx.read(uow -> {
      uow.port(ContactRepository.class).find(id).orElseThrow(() -> new NotFoundException("contact", id));
      return page(uow, withConvertedLeads(uow, id.value()), page);
    });
  }

  /**
   * A page of an account's timeline, newest first, with the leads converted into it.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the tenant has no such account, or the cursor names no timeline entry
   */
  public Page<TimelineItem> account(AccountId id, PageRequest page) {
    Check.notNull(id, "accountId");
    Check.notNull(page, "page");
    return ctx.read(uow -> {
      uow.port(AccountRepository.class).find(id).orElseThrow(() -> new NotFoundException("account", id));
      return page(uow, withConvertedLeads(uow, id.value()), page);
    });
  }

  /**
   * A page of an opportunity's timeline, newest first.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the tenant has no such opportunity, or the cursor names no timeline entry
   */
  public Page<TimelineItem> opportunity(OpportunityId id, PageRequest page) {
    Check.notNull(id, "opportunityId");
    Check.notNull(page, "page");
    return ctx.read(uow -> {
      uow.port(OpportunityRepository.class).find(id).orElseThrow(() -> new NotFoundException("opportunity", id));
      return page(uow, List.of(id.value()), page);
    });
  }

  private static List<UUID> withConvertedLeads(UnitOfWork uow, UUID subject) {
    Set<UUID> subjects = new LinkedHashSet<>();
    subjects.add(subject);
    for (LeadId lead : uow.port(TimelineRepository.class).leadsConvertedInto(subject)) {
      subjects.add(lead.value());
    }
    return List.copyOf(subjects);
  }

  private static Page<TimelineItem> page(UnitOfWork uow, List<UUID> subjects, PageRequest request) {
    Page<TimelineEntry> entries = uow.port(TimelineRepository.class).page(subjects, request);
    int n = entries.items().size();
    List<ActivityId> activityIds = new ArrayList<>(n);
    List<TaskId> taskIds = new ArrayList<>(n);
    for (TimelineEntry e : entries.items()) {
      if (e.kind() == TimelineItem.Kind.ACTIVITY) {
        activityIds.add(ActivityId.of(e.refId().orElseThrow()));
      } else if (e.kind() == TimelineItem.Kind.TASK) {
        taskIds.add(TaskId.of(e.refId().orElseThrow()));
      }
    }
    Map<UUID, Activity> activities = new HashMap<>(activityIds.size() * 4 / 3 + 1); // sized: no rehash
    if (!activityIds.isEmpty()) {
      for (Activity a : uow.port(ActivityRepository.class).findAll(activityIds)) {
        activities.put(a.id().value(), a);
      }
    }
    Map<UUID, Task> tasks = new HashMap<>(taskIds.size() * 4 / 3 + 1);
    if (!taskIds.isEmpty()) {
      for (Task t : uow.port(TaskRepository.class).findAll(taskIds)) {
        tasks.put(t.id().value(), t);
      }
    }
    List<TimelineItem> items = new ArrayList<>(entries.items().size());
    for (TimelineEntry e : entries.items()) {
      Optional<Activity> a = e.kind() == TimelineItem.Kind.ACTIVITY
          ? Optional.of(found(activities.get(e.refId().orElseThrow()), "activity", e)) : Optional.empty();
      Optional<Task> t = e.kind() == TimelineItem.Kind.TASK
          ? Optional.of(found(tasks.get(e.refId().orElseThrow()), "task", e)) : Optional.empty();
      items.add(new TimelineItem(e.kind(), e.occurredAt(), e.subjectId(), a, t, e.event(), e.summary()));
    }
    return new Page<>(items, entries.nextCursor());
  }

  private static <T> T found(T record, String kind, TimelineEntry e) {
    if (record == null) { // an index row without its record: the store is inconsistent
      throw new NotFoundException(kind, e.refId().orElseThrow());
    }
    return record;
  }
}
