package dev.rapport.crm;

import dev.rapport.crm.internal.Check;

import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.AccountCreated;
import dev.rapport.crm.activity.ActivityLogged;
import dev.rapport.crm.contact.ContactCreated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.lead.LeadCaptured;
import dev.rapport.crm.lead.LeadConverted;
import dev.rapport.crm.lead.LeadStatusChanged;
import dev.rapport.crm.lead.LeadTemperatureChanged;
import dev.rapport.crm.opportunity.OpportunityLost;
import dev.rapport.crm.opportunity.OpportunityOpened;
import dev.rapport.crm.opportunity.OpportunityReopened;
import dev.rapport.crm.opportunity.OpportunityStageChanged;
import dev.rapport.crm.opportunity.OpportunityWon;
import dev.rapport.crm.campaign.CampaignMembersAdded;
import dev.rapport.crm.campaign.CampaignPlanned;
import dev.rapport.crm.campaign.CampaignResponseRecorded;
import dev.rapport.crm.campaign.CampaignStatusChanged;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.service.CaseOpened;
import dev.rapport.crm.service.CaseResolved;
import dev.rapport.crm.service.CaseStatusChanged;
import dev.rapport.crm.feedback.FeedbackReceived;
import dev.rapport.crm.sales.PayerClassChanged;
import dev.rapport.crm.sales.PaymentRecorded;
import dev.rapport.crm.sales.SaleRecorded;
import dev.rapport.crm.service.CaseStatus;
import dev.rapport.crm.activity.TaskCancelled;
import dev.rapport.crm.activity.TaskCompleted;
import dev.rapport.crm.activity.TaskCreated;
import dev.rapport.crm.activity.TaskRescheduled;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one place that decides which events show in timelines: for each type of {@link CrmEvent},
 * the records (subjects) whose timelines show it and a one-line summary. The core writes one
 * history entry per subject for each event a command raises, in the same unit of work.
 *
 * <p>Every event type is named here explicitly, also those that show nothing (an activity or task
 * is filed itself, not as history); a test checks that every permitted subtype of
 * {@code CrmEvent} is mapped, so a new event type fails that test until it is added here.
 * It stands beside {@link Crm}, on the top floor, because it names the events of every feature;
 * the {@code Crm} hands it to each command as what to do with the events before commit.
 */
final class TimelineHistory {
  private TimelineHistory() {}

  /** Where an event shows: the subjects and the summary. No subjects: it shows nowhere. */
  record Line(List<UUID> subjects, String summary) {
    static final Line NONE = new Line(List.of(), "");

    public Line {
      subjects = List.copyOf(subjects);
    }
  }

  /** The history entries of the events, in order, one per event and subject. */
  static List<TimelineEntry> entries(List<CrmEvent> events, TenantId tenant, Supplier<UUID> ids) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (CrmEvent event : events) {
      Line line = line(event);
      for (UUID subject : line.subjects()) {
        entries.add(new TimelineEntry(ids.get(), tenant, subject, event.occurredAt(),
            TimelineItem.Kind.HISTORY, Optional.empty(), Optional.of(event.getClass().getSimpleName()),
            Optional.of(Check.cut(line.summary(), Limits.TIMELINE_SUMMARY))));
      }
    }
    return entries;
  }

  /** Where one event shows. */
  static Line line(CrmEvent event) {
    if (event instanceof LeadCaptured e) {
      return new Line(List.of(e.leadId().value()), "Lead captured (source: " + e.source().code() + ")");
    }
    if (event instanceof LeadStatusChanged e) {
      return new Line(List.of(e.leadId().value()), "Status: " + e.from() + " -> " + e.to());
    }
    if (event instanceof LeadTemperatureChanged e) {
      return new Line(List.of(e.leadId().value()), "Temperature: " + e.from() + " -> " + e.to());
    }
    if (event instanceof LeadConverted e) {
      // The contact's and account's timelines show the lead's whole history (the lead is read as
      // one of their subjects), so the conversion is filed under the lead and the opportunity.
      List<UUID> s = new ArrayList<>(List.of(e.leadId().value()));
      e.opportunityId().ifPresent(o -> s.add(o.value()));
      return new Line(s, "Converted into contact " + e.contactId() + " of account " + e.accountId()
          + e.opportunityId().map(o -> " with opportunity " + o).orElse(""));
    }
    if (event instanceof AccountCreated e) {
      return new Line(List.of(e.accountId().value()), "Account created: " + e.name());
    }
    if (event instanceof ContactCreated e) {
      return new Line(List.of(e.contactId().value()), "Contact created");
    }
    if (event instanceof dev.rapport.crm.activity.ActivityDeleted || event instanceof dev.rapport.crm.activity.TaskDeleted) {
      return Line.NONE; // its entries went with it
    }
    if (event instanceof dev.rapport.crm.campaign.CampaignMemberRemoved
        || event instanceof dev.rapport.crm.campaign.CampaignDeleted) {
      return Line.NONE; // as members added: campaign bookkeeping, not a person's history
    }
    if (event instanceof dev.rapport.crm.lead.LeadDeleted) {
      return Line.NONE; // the lead's timeline went with it
    }
    if (event instanceof dev.rapport.crm.contact.ContactDeleted e) {
      return e.accountId().map(a -> new Line(List.of(a.value()), "Contact deleted")).orElse(Line.NONE);
    }
    if (event instanceof dev.rapport.crm.field.CustomFieldDefined || event instanceof dev.rapport.crm.field.CustomFieldChanged
        || event instanceof dev.rapport.crm.field.CustomFieldRemoved
        || event instanceof dev.rapport.crm.field.CustomFieldRenamed) {
      return Line.NONE; // the tenant's configuration, not a record's history
    }
    if (event instanceof dev.rapport.crm.field.CustomFieldsChanged e) {
      java.util.TreeSet<String> keys = new java.util.TreeSet<>(e.before().values().keySet());
      keys.addAll(e.after().values().keySet());
      keys.removeIf(k -> java.util.Objects.equals(e.before().values().get(k), e.after().values().get(k)));
      return new Line(List.of(e.recordId()), "Fields changed: " + String.join(", ", keys));
    }
    if (event instanceof dev.rapport.crm.privacy.PersonErased e) {
      List<UUID> s = new ArrayList<>();
      e.leads().forEach(l -> s.add(l.value()));
      e.contacts().forEach(c -> s.add(c.value()));
      return new Line(s, "Personal data erased on request");
    }
    if (event instanceof dev.rapport.crm.sales.SaleDeleted e) {
      return new Line(List.of(e.accountId().value()), (e.corrects().isPresent() ? "Credit note " : "Sale ")
          + e.reference() + " deleted");
    }
    if (event instanceof dev.rapport.crm.sales.PaymentDeleted e) {
      return new Line(List.of(e.accountId().value()), "Payment " + e.reference() + " deleted");
    }
    if (event instanceof dev.rapport.crm.contact.AccountDeleted) {
      return Line.NONE; // the account's timeline went with it
    }
    if (event instanceof dev.rapport.crm.opportunity.OpportunityDeleted e) {
      return new Line(List.of(e.accountId().value()), "Opportunity deleted: " + e.name());
    }
    if (event instanceof dev.rapport.crm.service.CaseDeleted e) {
      return new Line(accountAndContact(e.accountId(), e.contactId()), "Case deleted");
    }
    if (event instanceof dev.rapport.crm.feedback.FeedbackDeleted e) {
      return new Line(List.of(e.accountId().value()), "Feedback answer deleted");
    }
    if (event instanceof dev.rapport.crm.contact.ContactConsentRecorded e) {
      return new Line(List.of(e.contactId().value()), "Marketing consent " + (e.granted() ? "given" : "withdrawn")
          + " (" + e.source() + ")");
    }
    if (event instanceof dev.rapport.crm.contact.ContactsMerged e) {
      return new Line(List.of(e.survivorId().value()), "Merged " + e.mergedIds().size()
          + (e.mergedIds().size() == 1 ? " duplicate" : " duplicates") + " into this contact");
    }
    if (event instanceof dev.rapport.crm.lead.LeadsMerged e) {
      return new Line(List.of(e.survivorId().value()), "Merged " + e.mergedIds().size()
          + (e.mergedIds().size() == 1 ? " duplicate" : " duplicates") + " into this lead");
    }
    if (event instanceof dev.rapport.crm.lead.LeadMergeUndone e) {
      List<UUID> subjects = new ArrayList<>();
      subjects.add(e.survivorId().value());
      e.restoredIds().forEach(id -> subjects.add(id.value()));
      return new Line(subjects, "Merge undone: " + e.restoredIds().size()
          + (e.restoredIds().size() == 1 ? " lead" : " leads") + " restored");
    }
    if (event instanceof dev.rapport.crm.contact.AccountsMerged e) {
      return new Line(List.of(e.survivorId().value()), "Merged " + e.mergedIds().size()
          + (e.mergedIds().size() == 1 ? " duplicate" : " duplicates") + " into this account");
    }
    if (event instanceof dev.rapport.crm.contact.AccountMergeUndone e) {
      List<UUID> subjects = new ArrayList<>();
      subjects.add(e.survivorId().value());
      e.restoredIds().forEach(id -> subjects.add(id.value()));
      return new Line(subjects, "Merge undone: " + e.restoredIds().size()
          + (e.restoredIds().size() == 1 ? " account" : " accounts") + " restored");
    }
    if (event instanceof dev.rapport.crm.contact.ContactMergeUndone e) {
      List<UUID> subjects = new ArrayList<>();
      subjects.add(e.survivorId().value());
      e.restoredIds().forEach(id -> subjects.add(id.value()));
      return new Line(subjects, "Merge undone: " + e.restoredIds().size()
          + (e.restoredIds().size() == 1 ? " contact" : " contacts") + " restored");
    }
    if (event instanceof OpportunityOpened e) {
      return new Line(List.of(e.opportunityId().value(), e.accountId().value()),
          "Opportunity opened at stage " + e.stage() + " for " + e.amount());
    }
    if (event instanceof OpportunityStageChanged e) {
      return new Line(List.of(e.opportunityId().value()), "Stage: " + e.from() + " -> " + e.to());
    }
    if (event instanceof OpportunityWon e) {
      return new Line(List.of(e.opportunityId().value(), e.accountId().value()), "Won: " + e.amount());
    }
    if (event instanceof OpportunityLost e) {
      return new Line(List.of(e.opportunityId().value()), "Lost: " + e.reason().code());
    }
    if (event instanceof OpportunityReopened e) {
      return new Line(List.of(e.opportunityId().value()), "Reopened at stage " + e.stage());
    }
    if (event instanceof ActivityLogged) {
      return Line.NONE; // the activity itself is filed under each of its links
    }
    if (event instanceof dev.rapport.crm.mail.MailLogged) {
      return Line.NONE; // its e-mail activity is filed under every lead, contact and account it concerns
    }
    if (event instanceof dev.rapport.crm.mail.MailSuppressed) {
      return Line.NONE; // an address, not a record: the bounce is logged as mail on its people, the unsubscribe is the member's response
    }
    if (event instanceof TaskCreated) {
      return Line.NONE; // the task itself is filed under each of its links
    }
    if (event instanceof TaskCompleted e) {
      return new Line(e.links().subjects(), "Task done: " + e.subject());
    }
    if (event instanceof TaskCancelled e) {
      return new Line(e.links().subjects(), "Task cancelled: " + e.subject());
    }
    if (event instanceof TaskRescheduled) {
      return Line.NONE; // the task's entry shows its current due time
    }
    if (event instanceof CampaignPlanned || event instanceof CampaignStatusChanged) {
      return Line.NONE; // about the campaign, not about a customer
    }
    if (event instanceof CampaignMembersAdded) {
      // Being sent a campaign is not something a customer did; up to 10,000 people join per
      // command, and filing each would multiply the command's writes. Responses show.
      return Line.NONE;
    }
    if (event instanceof CampaignResponseRecorded e) {
      UUID person = e.leadId().map(LeadId::value).orElseGet(() -> e.contactId().orElseThrow().value());
      return new Line(List.of(person), "Campaign response: " + e.status().code() + " (campaign "
          + e.campaignId() + ")");
    }
    if (event instanceof CaseOpened e) {
      return new Line(accountAndContact(e.accountId(), e.contactId()),
          "Case opened (" + e.priority() + "): " + e.subject());
    }
    if (event instanceof CaseStatusChanged e) {
      if (e.to() == CaseStatus.RESOLVED) {
        return Line.NONE; // CaseResolved says it, with the resolution
      }
      return new Line(accountAndContact(e.accountId(), e.contactId()), "Case: " + e.from() + " -> " + e.to());
    }
    if (event instanceof CaseResolved e) {
      return new Line(accountAndContact(e.accountId(), e.contactId()), "Case resolved: " + e.resolution());
    }
    if (event instanceof FeedbackReceived e) {
      List<UUID> s = new ArrayList<>(accountAndContact(e.accountId(), Optional.of(e.contactId())));
      e.opportunityId().ifPresent(o -> s.add(o.value()));
      return new Line(s, e.scale() + " answer: " + e.score());
    }
    if (event instanceof SaleRecorded e) {
      String what = e.corrects().map(c -> "Credit note " + e.reference() + " for " + c)
          .orElse("Invoice " + e.reference());
      return new Line(List.of(e.accountId().value()), what + ": " + e.total() + (e.version() > 1 ? " (updated)" : ""));
    }
    if (event instanceof PaymentRecorded e) {
      return new Line(List.of(e.accountId().value()), "Payment " + e.reference() + ": " + e.amount());
    }
    if (event instanceof PayerClassChanged e) {
      return new Line(List.of(e.accountId().value()), "Payer class: " + e.from() + " -> " + e.to());
    }
    if (event instanceof dev.rapport.crm.servicelevel.ServicePolicyChanged) {
      return Line.NONE; // the tenant's configuration, not a record's history
    }
    if (event instanceof dev.rapport.crm.servicelevel.AccountTierChanged e) {
      return new Line(List.of(e.accountId().value()), "Service tier: " + e.from().orElse("none") + " -> " + e.to());
    }
    if (event instanceof dev.rapport.crm.service.CaseTargetAtRisk e) {
      return new Line(List.of(e.accountId().value()), "Case " + e.target().name().toLowerCase(java.util.Locale.ROOT)
          + " at risk (" + e.tier() + "), due " + e.dueAt());
    }
    if (event instanceof dev.rapport.crm.service.CaseTargetBreached e) {
      return new Line(List.of(e.accountId().value()), "Case " + e.target().name().toLowerCase(java.util.Locale.ROOT)
          + " overdue (" + e.tier() + "), was due " + e.dueAt());
    }
    throw new IllegalArgumentException("no timeline mapping for " + event.getClass().getName()
        + ": add it to TimelineHistory");
  }

  private static List<UUID> accountAndContact(AccountId account, Optional<ContactId> contact) {
    List<UUID> s = new ArrayList<>(List.of(account.value()));
    contact.ifPresent(c -> s.add(c.value()));
    return s;
  }
}
