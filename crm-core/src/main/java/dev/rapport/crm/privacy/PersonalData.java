package dev.rapport.crm.privacy;

import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.mail.LoggedMail;
import dev.rapport.crm.mail.MailSuppression;
import dev.rapport.crm.service.ServiceCase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything Rapport holds about one person ({@link PrivacyService#export}): the person as lead
 * and as contact, the activities, tasks and logged mail that concern them (as sender, recipient
 * or linked person), their campaign memberships, the service cases they raised, the feedback they
 * gave, the lines of their timeline, the suppressions of their addresses, the audit trail of their
 * records, and when they were
 * erased if they were. crm-jackson writes it as one JSON document. Each list is in id order.
 *
 * @param exportedAt when, by the {@code Crm}'s clock
 * @param leads the person as lead
 * @param contacts the person as contact
 * @param activities the activities on their timeline (those shared with others too)
 * @param tasks the tasks on their timeline
 * @param mails the messages logged on them
 * @param campaignMemberships their memberships in campaigns
 * @param cases the service cases they raised
 * @param feedback the answers they gave
 * @param history the history lines of their timeline (what happened to their records)
 * @param suppressions their addresses on the suppression list, if any
 * @param audit the audit trail of their leads and contacts: who changed them, when, how
 * @param erasedAt when a person with one of their addresses was erased, if one was
 */
public record PersonalData(Instant exportedAt, List<Lead> leads, List<Contact> contacts, List<Activity> activities,
    List<Task> tasks, List<LoggedMail> mails, List<CampaignMember> campaignMemberships, List<ServiceCase> cases,
    List<Feedback> feedback, List<TimelineEntry> history, List<MailSuppression> suppressions,
    List<dev.rapport.crm.audit.AuditEntry> audit, Optional<Instant> erasedAt) {

  /** @throws dev.rapport.crm.exception.ValidationException if a part is null */
  public PersonalData {
    exportedAt = Check.instant(exportedAt, "exportedAt");
    leads = List.copyOf(Check.notNull(leads, "leads"));
    contacts = List.copyOf(Check.notNull(contacts, "contacts"));
    activities = List.copyOf(Check.notNull(activities, "activities"));
    tasks = List.copyOf(Check.notNull(tasks, "tasks"));
    mails = List.copyOf(Check.notNull(mails, "mails"));
    campaignMemberships = List.copyOf(Check.notNull(campaignMemberships, "campaignMemberships"));
    cases = List.copyOf(Check.notNull(cases, "cases"));
    feedback = List.copyOf(Check.notNull(feedback, "feedback"));
    history = List.copyOf(Check.notNull(history, "history"));
    suppressions = List.copyOf(Check.notNull(suppressions, "suppressions"));
    audit = List.copyOf(Check.notNull(audit, "audit"));
    Check.notNull(erasedAt, "erasedAt");
  }

  /** Whether Rapport holds nothing about the person (an erased marker aside). */
  public boolean isEmpty() {
    return leads.isEmpty() && contacts.isEmpty() && activities.isEmpty() && tasks.isEmpty() && mails.isEmpty()
        && campaignMemberships.isEmpty() && cases.isEmpty() && feedback.isEmpty() && history.isEmpty()
        && suppressions.isEmpty() && audit.isEmpty();
  }
}
