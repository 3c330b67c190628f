package dev.rapport.crm;

import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityRepository;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TaskRepository;
import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.activity.TimelineRepository;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.campaign.CampaignRepository;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.contact.Merge;
import dev.rapport.crm.contact.MergeRepository;
import dev.rapport.crm.feedback.FeedbackRepository;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TaskId;
import dev.rapport.crm.internal.context.Cascade;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.mail.LoggedMail;
import dev.rapport.crm.mail.MailRepository;
import dev.rapport.crm.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What goes with a deleted record, reached through the feature ports (so no feature package needs
 * another's to delete): for a lead, contact, account or opportunity, its timeline, the activities,
 * tasks and logged messages that concern only it, and its campaign memberships; what concerns
 * others too loses the record. Holds no state.
 */
final class Removals implements Cascade {

  private static final Map<String, String> BLOCKING = Map.of(
      "contact.case", "service cases", "contact.feedback", "feedback answers",
      "contact.opportunity", "opportunities (as primary contact)",
      "account.contact", "contacts", "account.case", "service cases", "account.feedback", "feedback answers",
      "account.opportunity", "opportunities", "account.sale", "sales", "account.payment", "payments");

  @Override
  public Map<String, Long> dependants(CrmContext.Command cmd, Subject kind, UUID record) {
    UnitOfWork uow = cmd.uow();
    Map<String, Long> found = new LinkedHashMap<>();
    switch (kind) {
      case CONTACT, ACCOUNT -> uow.port(MergeRepository.class)
          .linksTo(kind == Subject.CONTACT ? Merge.Kind.CONTACT : Merge.Kind.ACCOUNT, record)
          .forEach((link, n) -> {
            if (BLOCKING.containsKey(link)) {
              found.merge(BLOCKING.get(link), n, Long::sum);
            }
          });
      case OPPORTUNITY -> put(found, "feedback answers",
          uow.port(FeedbackRepository.class).countByOpportunity(OpportunityId.of(record)));
      case CASE -> put(found, "feedback answers", uow.port(FeedbackRepository.class).countByCase(CaseId.of(record)));
      case LEAD -> { } // a converted lead is refused by its service; the rest goes with it
    }
    return found;
  }

  private static void put(Map<String, Long> found, String what, long n) {
    if (n > 0) {
      found.put(what, n);
    }
  }

  @Override
  public Removed remove(CrmContext.Command cmd, Subject kind, UUID record) {
    UnitOfWork uow = cmd.uow();
    if (kind == Subject.ACCOUNT) {
      uow.port(dev.rapport.crm.servicelevel.ServiceLevelRepository.class).removeTier(AccountId.of(record));
    }
    TimelineRepository timeline = uow.port(TimelineRepository.class);
    ActivityRepository activities = uow.port(ActivityRepository.class);
    TaskRepository tasks = uow.port(TaskRepository.class);
    MailRepository mails = uow.port(MailRepository.class);
    List<TimelineEntry> own = timeline.entriesOf(record);
    List<ActivityId> activityIds = new ArrayList<>();
    List<TaskId> taskIds = new ArrayList<>();
    for (TimelineEntry e : own) {
      if (e.kind() == TimelineItem.Kind.ACTIVITY) {
        activityIds.add(ActivityId.of(e.refId().orElseThrow()));
      } else if (e.kind() == TimelineItem.Kind.TASK) {
        taskIds.add(TaskId.of(e.refId().orElseThrow()));
      }
    }
    Map<ActivityId, LoggedMail> mailOf = new HashMap<>();
    if (!activityIds.isEmpty()) {
      mails.findByActivities(activityIds).forEach(m -> mailOf.put(m.activity(), m));
    }
    List<Activity> goneActivities = new ArrayList<>();
    List<LoggedMail> goneMails = new ArrayList<>();
    for (Activity a : activityIds.isEmpty() ? List.<Activity>of() : activities.findAll(activityIds)) {
      LoggedMail mail = mailOf.get(a.id());
      Optional<LoggedMail> keptMail = mail == null ? Optional.empty() : without(mail, kind, record);
      Optional<Links> kept = without(a.links(), kind, record, keptMail);
      if (mail != null && keptMail.isEmpty()) {
        goneMails.add(mail);
      } else if (mail != null && !keptMail.get().equals(mail)) {
        mails.update(keptMail.get());
      }
      if (kept.isEmpty()) {
        goneActivities.add(a);
      } else if (!kept.get().equals(a.links())) {
        activities.update(new Activity(a.id(), a.tenantId(), a.version(), a.type(), kept.get(), a.subject(), a.body(),
            a.direction(), a.outcome(), a.occurredAt(), a.duration(), a.owner(), a.loggedAt()));
      }
    }
    List<Task> goneTasks = new ArrayList<>();
    for (Task t : taskIds.isEmpty() ? List.<Task>of() : tasks.findAll(taskIds)) {
      Optional<Links> kept = without(t.links(), kind, record, Optional.empty());
      if (kept.isEmpty()) {
        goneTasks.add(t);
      } else if (!kept.get().equals(t.links())) {
        tasks.update(new Task(t.id(), t.tenantId(), t.version(), kept.get(), t.subject(), t.description(), t.dueAt(),
            t.priority(), t.owner(), t.reminderAt(), t.reminderHandledAt(), t.status(), t.endedAt(), t.createdAt(),
            t.updatedAt()));
      }
    }
    // the record's own entries are every entry of what goes with it: an activity or task that
    // concerns only the record is filed under it alone (keys hold: entries go before their rows)
    timeline.delete(own);
    goneMails.forEach(mails::delete);
    goneActivities.forEach(activities::delete);
    goneTasks.forEach(tasks::delete);
    List<CampaignMember> memberships = List.of();
    if (kind == Subject.LEAD || kind == Subject.CONTACT) {
      CampaignRepository campaigns = uow.port(CampaignRepository.class);
      memberships = campaigns.membershipsOf(kind == Subject.LEAD ? MemberId.lead(LeadId.of(record))
          : MemberId.contact(ContactId.of(record)));
      memberships.forEach(campaigns::deleteMember);
    }
    return new Removed(goneActivities.size(), goneTasks.size(), memberships.size(), goneMails.size());
  }

  /**
   * The links without the record, or empty if nothing is left. The link to a lead, contact or
   * account that goes passes to another of its kind the kept message names, and links left with
   * nothing take the message's people.
   */
  private static Optional<Links> without(Links links, Subject kind, UUID record, Optional<LoggedMail> mail) {
    Optional<LeadId> lead = links.lead();
    Optional<ContactId> contact = links.contact();
    Optional<AccountId> account = links.account();
    Optional<OpportunityId> opportunity = links.opportunity();
    switch (kind) {
      case LEAD -> lead = lead.filter(l -> !l.value().equals(record))
          .or(() -> mail.flatMap(m -> m.leads().stream().findFirst()));
      case CONTACT -> contact = contact.filter(c -> !c.value().equals(record))
          .or(() -> mail.flatMap(m -> m.contacts().stream().findFirst()));
      case ACCOUNT -> account = account.filter(c -> !c.value().equals(record))
          .or(() -> mail.flatMap(m -> m.accounts().stream().findFirst()));
      case OPPORTUNITY -> opportunity = opportunity.filter(o -> !o.value().equals(record));
      case CASE -> { } // cases are not linked to activities or tasks
    }
    if (lead.isEmpty() && contact.isEmpty() && account.isEmpty() && opportunity.isEmpty() && mail.isPresent()) {
      lead = mail.get().leads().stream().findFirst(); // a kept message keeps its activity
      contact = mail.get().contacts().stream().findFirst();
      account = mail.get().accounts().stream().findFirst();
    }
    if (lead.isEmpty() && contact.isEmpty() && account.isEmpty() && opportunity.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Links(lead, contact, account, opportunity));
  }

  /** The message without the record among its people, or empty if it names nobody else. */
  private static Optional<LoggedMail> without(LoggedMail mail, Subject kind, UUID record) {
    List<LeadId> leads = kind == Subject.LEAD
        ? mail.leads().stream().filter(l -> !l.value().equals(record)).toList() : mail.leads();
    List<ContactId> contacts = kind == Subject.CONTACT
        ? mail.contacts().stream().filter(c -> !c.value().equals(record)).toList() : mail.contacts();
    List<AccountId> accounts = kind == Subject.ACCOUNT
        ? mail.accounts().stream().filter(a -> !a.value().equals(record)).toList() : mail.accounts();
    if (leads.isEmpty() && contacts.isEmpty() && accounts.isEmpty()) {
      return Optional.empty();
    }
    if (leads.equals(mail.leads()) && contacts.equals(mail.contacts()) && accounts.equals(mail.accounts())) {
      return Optional.of(mail);
    }
    return Optional.of(new LoggedMail(mail.id(), mail.tenantId(), mail.version(), mail.message(), mail.threadId(),
        mail.direction(), leads, contacts, accounts, mail.activity(), mail.loggedAt(), mail.campaign()));
  }

  @Override
  public void removeActivity(CrmContext.Command cmd, UUID activity) {
    UnitOfWork uow = cmd.uow();
    TimelineRepository timeline = uow.port(TimelineRepository.class);
    timeline.delete(timeline.entriesShowing(List.of(activity)));
    MailRepository mails = uow.port(MailRepository.class);
    mails.findByActivities(List.of(ActivityId.of(activity))).forEach(mails::delete);
  }
}
