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
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TaskId;
import dev.rapport.crm.internal.context.Cascade;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.mail.LoggedMail;
import dev.rapport.crm.mail.MailRepository;
import dev.rapport.crm.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What goes with a deleted record, reached through the feature ports (so no feature package needs
 * another's to delete): for a lead, its timeline, the activities, tasks and logged messages that
 * concern only it, and its campaign memberships; what concerns others too loses the lead. Holds no state.
 */
final class Removals implements Cascade {

  @Override
  public Removed removeLead(CrmContext.Command cmd, UUID lead) {
    UnitOfWork uow = cmd.uow();
    LeadId id = LeadId.of(lead);
    TimelineRepository timeline = uow.port(TimelineRepository.class);
    ActivityRepository activities = uow.port(ActivityRepository.class);
    TaskRepository tasks = uow.port(TaskRepository.class);
    MailRepository mails = uow.port(MailRepository.class);
    List<TimelineEntry> own = timeline.entriesOf(lead);
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
      List<LeadId> otherLeads = mail == null ? List.of() : mail.leads().stream().filter(l -> !l.equals(id)).toList();
      boolean others = concernsOthers(a.links(), id) || !otherLeads.isEmpty()
          || (mail != null && (!mail.contacts().isEmpty() || !mail.accounts().isEmpty()));
      if (!others) {
        goneActivities.add(a);
        if (mail != null) {
          goneMails.add(mail);
        }
        continue;
      }
      if (a.links().lead().filter(id::equals).isPresent()) {
        Links links = new Links(otherLeads.stream().findFirst(), a.links().contact(), a.links().account(),
            a.links().opportunity());
        activities.update(new Activity(a.id(), a.tenantId(), a.version(), a.type(), links, a.subject(), a.body(),
            a.direction(), a.outcome(), a.occurredAt(), a.duration(), a.owner(), a.loggedAt()));
      }
      if (mail != null && mail.leads().contains(id)) {
        mails.update(new LoggedMail(mail.id(), mail.tenantId(), mail.version(), mail.message(), mail.threadId(),
            mail.direction(), otherLeads, mail.contacts(), mail.accounts(), mail.activity(), mail.loggedAt(),
            mail.campaign()));
      }
    }
    List<Task> goneTasks = new ArrayList<>();
    for (Task t : taskIds.isEmpty() ? List.<Task>of() : tasks.findAll(taskIds)) {
      if (!concernsOthers(t.links(), id)) {
        goneTasks.add(t);
      } else if (t.links().lead().filter(id::equals).isPresent()) {
        tasks.update(new Task(t.id(), t.tenantId(), t.version(), new Links(Optional.empty(), t.links().contact(),
                t.links().account(), t.links().opportunity()), t.subject(), t.description(), t.dueAt(), t.priority(),
            t.owner(), t.reminderAt(), t.reminderHandledAt(), t.status(), t.endedAt(), t.createdAt(), t.updatedAt()));
      }
    }
    // the lead's own entries are every entry of what goes with it: an activity or task that concerns
    // only the lead is filed under the lead alone (keys hold: entries go before their rows)
    timeline.delete(own);
    goneMails.forEach(mails::delete);
    goneActivities.forEach(activities::delete);
    goneTasks.forEach(tasks::delete);
    CampaignRepository campaigns = uow.port(CampaignRepository.class);
    List<CampaignMember> memberships = campaigns.membershipsOf(MemberId.lead(id));
    memberships.forEach(campaigns::deleteMember);
    return new Removed(goneActivities.size(), goneTasks.size(), memberships.size(), goneMails.size());
  }

  @Override
  public void removeActivity(CrmContext.Command cmd, UUID activity) {
    UnitOfWork uow = cmd.uow();
    TimelineRepository timeline = uow.port(TimelineRepository.class);
    timeline.delete(timeline.entriesShowing(List.of(activity)));
    MailRepository mails = uow.port(MailRepository.class);
    mails.findByActivities(List.of(ActivityId.of(activity))).forEach(mails::delete);
  }

  /** Whether the links name a contact, account or opportunity, or another lead. */
  private static boolean concernsOthers(Links links, LeadId lead) {
    return links.contact().isPresent() || links.account().isPresent() || links.opportunity().isPresent()
        || links.lead().filter(l -> !l.equals(lead)).isPresent();
  }
}
