package dev.rapport.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TaskId;
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
import dev.rapport.crm.campaign.CampaignStatus;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.FeedbackId;
import dev.rapport.crm.service.CaseOpened;
import dev.rapport.crm.service.CaseResolved;
import dev.rapport.crm.service.CaseStatusChanged;
import dev.rapport.crm.feedback.FeedbackReceived;
import dev.rapport.crm.feedback.FeedbackScale;
import dev.rapport.crm.service.CasePriority;
import dev.rapport.crm.service.CaseStatus;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.ResponseStatus;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.campaign.CampaignMembersAdded;
import dev.rapport.crm.campaign.CampaignPlanned;
import dev.rapport.crm.campaign.CampaignResponseRecorded;
import dev.rapport.crm.campaign.CampaignStatusChanged;
import dev.rapport.crm.activity.TaskCancelled;
import dev.rapport.crm.activity.TaskCompleted;
import dev.rapport.crm.activity.TaskCreated;
import dev.rapport.crm.activity.TaskRescheduled;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.opportunity.LostReason;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which timelines show each event type, and what they say: one expected line per type. */
class TimelineHistoryTest {
  private static final TenantId T = TenantId.of("t");
  private static final Instant AT = Instant.parse("2025-01-01T10:00:00Z");
  private static final LeadId LEAD = LeadId.of(UUID.randomUUID());
  private static final ContactId CONTACT = ContactId.of(UUID.randomUUID());
  private static final AccountId ACCOUNT = AccountId.of(UUID.randomUUID());
  private static final OpportunityId OPP = OpportunityId.of(UUID.randomUUID());
  private static final TaskId TASK = TaskId.of(UUID.randomUUID());
  private static final Money MONEY = Money.of("10.00", "EUR");
  private static final Links LINKS = Links.lead(LEAD).andAccount(ACCOUNT);

  /** One event of every type, with the subjects and summary it must give. */
  private static Map<CrmEvent, TimelineHistory.Line> expected() {
    Map<CrmEvent, TimelineHistory.Line> m = new LinkedHashMap<>();
    m.put(new LeadCaptured(T, AT, LEAD, LeadSource.WEBINAR), line("Lead captured (source: webinar)", LEAD.value()));
    m.put(new LeadStatusChanged(T, AT, LEAD, LeadStatus.NEW, LeadStatus.CONTACTED), line("Status: NEW -> CONTACTED", LEAD.value()));
    m.put(new LeadTemperatureChanged(T, AT, LEAD, Temperature.COLD, Temperature.HOT), line("Temperature: COLD -> HOT", LEAD.value()));
    m.put(new LeadConverted(T, AT, LEAD, CONTACT, ACCOUNT, Optional.of(OPP)),
        line("Converted into contact " + CONTACT + " of account " + ACCOUNT + " with opportunity " + OPP, LEAD.value(), OPP.value()));
    m.put(new AccountCreated(T, AT, ACCOUNT, "Acme"), line("Account created: Acme", ACCOUNT.value()));
    m.put(new ContactCreated(T, AT, CONTACT, Optional.of(ACCOUNT)), line("Contact created", CONTACT.value()));
    ContactId merged = ContactId.of(UUID.randomUUID());
    ContactId other = ContactId.of(UUID.randomUUID());
    UUID merge = UUID.randomUUID();
    m.put(new dev.rapport.crm.contact.ContactsMerged(T, AT, merge, CONTACT, List.of(merged)),
        line("Merged 1 duplicate into this contact", CONTACT.value()));
    m.put(new dev.rapport.crm.contact.ContactMergeUndone(T, AT, merge, CONTACT, List.of(merged, other)),
        line("Merge undone: 2 contacts restored", CONTACT.value(), merged.value(), other.value()));
    LeadId mergedLead = LeadId.of(UUID.randomUUID());
    m.put(new dev.rapport.crm.lead.LeadsMerged(T, AT, merge, LEAD, List.of(mergedLead)),
        line("Merged 1 duplicate into this lead", LEAD.value()));
    m.put(new dev.rapport.crm.lead.LeadMergeUndone(T, AT, merge, LEAD, List.of(mergedLead)),
        line("Merge undone: 1 lead restored", LEAD.value(), mergedLead.value()));
    AccountId mergedAccount = AccountId.of(UUID.randomUUID());
    m.put(new dev.rapport.crm.contact.AccountsMerged(T, AT, merge, ACCOUNT, List.of(mergedAccount)),
        line("Merged 1 duplicate into this account", ACCOUNT.value()));
    m.put(new dev.rapport.crm.contact.AccountMergeUndone(T, AT, merge, ACCOUNT, List.of(mergedAccount)),
        line("Merge undone: 1 account restored", ACCOUNT.value(), mergedAccount.value()));
    m.put(new OpportunityOpened(T, AT, OPP, ACCOUNT, MONEY, "Prospecting"),
        line("Opportunity opened at stage Prospecting for " + MONEY, OPP.value(), ACCOUNT.value()));
    m.put(new OpportunityStageChanged(T, AT, OPP, "Prospecting", "Proposal"), line("Stage: Prospecting -> Proposal", OPP.value()));
    m.put(new OpportunityWon(T, AT, OPP, ACCOUNT, MONEY), line("Won: " + MONEY, OPP.value(), ACCOUNT.value()));
    m.put(new OpportunityLost(T, AT, OPP, LostReason.PRICE), line("Lost: price", OPP.value()));
    m.put(new OpportunityReopened(T, AT, OPP, "Proposal"), line("Reopened at stage Proposal", OPP.value()));
    m.put(new ActivityLogged(T, AT, ActivityId.of(UUID.randomUUID()), ActivityType.CALL, Optional.of(Direction.INBOUND), LINKS, AT),
        TimelineHistory.Line.NONE);
    m.put(new TaskCreated(T, AT, TASK, LINKS, "Call back", AT, Optional.empty()), TimelineHistory.Line.NONE);
    m.put(new dev.rapport.crm.mail.MailLogged(T, AT, dev.rapport.crm.common.MailId.of(UUID.randomUUID()),
        dev.rapport.crm.common.MailId.of(UUID.randomUUID()), Direction.INBOUND, ActivityId.of(UUID.randomUUID())),
        TimelineHistory.Line.NONE);
    m.put(new TaskCompleted(T, AT, TASK, LINKS, "Call back", AT), line("Task done: Call back", LEAD.value(), ACCOUNT.value()));
    m.put(new TaskCancelled(T, AT, TASK, LINKS, "Call back"), line("Task cancelled: Call back", LEAD.value(), ACCOUNT.value()));
    m.put(new TaskRescheduled(T, AT, TASK, AT, Optional.empty()), TimelineHistory.Line.NONE);
    m.put(new dev.rapport.crm.activity.ActivityDeleted(T, AT, ActivityId.of(UUID.randomUUID()), LINKS), TimelineHistory.Line.NONE);
    m.put(new dev.rapport.crm.activity.TaskDeleted(T, AT, TASK, LINKS), TimelineHistory.Line.NONE);
    m.put(new dev.rapport.crm.lead.LeadDeleted(T, AT, LEAD, 2, 1, 1, 1), TimelineHistory.Line.NONE);
    m.put(new dev.rapport.crm.contact.ContactDeleted(T, AT, CONTACT, Optional.of(ACCOUNT), 1, 1, 1, 1),
        line("Contact deleted", ACCOUNT.value()));
    m.put(new dev.rapport.crm.contact.AccountDeleted(T, AT, ACCOUNT, 1, 0, 0), TimelineHistory.Line.NONE);
    m.put(new dev.rapport.crm.sales.SaleDeleted(T, AT, dev.rapport.crm.common.SaleId.of(UUID.randomUUID()), "INV-1", ACCOUNT,
        Optional.empty()), line("Sale INV-1 deleted", ACCOUNT.value()));
    m.put(new dev.rapport.crm.sales.PaymentDeleted(T, AT, dev.rapport.crm.common.PaymentId.of(UUID.randomUUID()), "PAY-1",
        ACCOUNT), line("Payment PAY-1 deleted", ACCOUNT.value()));
    dev.rapport.crm.field.CustomField seats = dev.rapport.crm.field.CustomField.of(dev.rapport.crm.field.RecordKind.LEAD,
        "seats", "Seats", dev.rapport.crm.field.FieldType.NUMBER);
    m.put(new dev.rapport.crm.field.CustomFieldDefined(T, AT, seats), TimelineHistory.Line.NONE);
    m.put(new dev.rapport.crm.field.CustomFieldChanged(T, AT, seats, seats.withLabel("Licences")), TimelineHistory.Line.NONE);
    m.put(new dev.rapport.crm.field.CustomFieldRemoved(T, AT, dev.rapport.crm.field.RecordKind.LEAD, "seats"),
        TimelineHistory.Line.NONE);
    m.put(new dev.rapport.crm.field.CustomFieldRenamed(T, AT, dev.rapport.crm.field.RecordKind.LEAD, "seats", "licences", 3),
        TimelineHistory.Line.NONE);
    m.put(new dev.rapport.crm.field.CustomFieldsChanged(T, AT, dev.rapport.crm.field.RecordKind.LEAD, LEAD.value(),
        dev.rapport.crm.field.CustomFields.empty().with("seats", dev.rapport.crm.field.FieldValue.number(5))
            .with("tier", dev.rapport.crm.field.FieldValue.choice("gold")),
        dev.rapport.crm.field.CustomFields.empty().with("seats", dev.rapport.crm.field.FieldValue.number(7))
            .with("tier", dev.rapport.crm.field.FieldValue.choice("gold"))
            .with("renewal", dev.rapport.crm.field.FieldValue.date(java.time.LocalDate.of(2026, 1, 31)))),
        line("Fields changed: renewal, seats", LEAD.value()));
    m.put(new dev.rapport.crm.privacy.PersonErased(T, AT, UUID.randomUUID(), List.of(LEAD), List.of(CONTACT)),
        line("Personal data erased on request", LEAD.value(), CONTACT.value()));
    m.put(new dev.rapport.crm.opportunity.OpportunityDeleted(T, AT, OPP, ACCOUNT, "Licence", 0, 0),
        line("Opportunity deleted: Licence", ACCOUNT.value()));
    m.put(new dev.rapport.crm.service.CaseDeleted(T, AT, dev.rapport.crm.common.CaseId.of(UUID.randomUUID()), ACCOUNT,
        Optional.of(CONTACT)), line("Case deleted", ACCOUNT.value(), CONTACT.value()));
    m.put(new dev.rapport.crm.feedback.FeedbackDeleted(T, AT, dev.rapport.crm.common.FeedbackId.of(UUID.randomUUID()),
        ACCOUNT), line("Feedback answer deleted", ACCOUNT.value()));
    m.put(new dev.rapport.crm.contact.ContactConsentRecorded(T, AT, CONTACT, false, "unsubscribe link: Spring", AT),
        line("Marketing consent withdrawn (unsubscribe link: Spring)", CONTACT.value()));
    m.put(new dev.rapport.crm.mail.MailSuppressed(T, AT, dev.rapport.crm.common.EmailAddress.of("gone@example.org"),
        dev.rapport.crm.mail.MailSuppression.Reason.BOUNCED), TimelineHistory.Line.NONE);
    CampaignId campaign = CampaignId.of(UUID.randomUUID());
    m.put(new CampaignPlanned(T, AT, campaign, "Spring", Channel.NEWSLETTER), TimelineHistory.Line.NONE);
    m.put(new CampaignStatusChanged(T, AT, campaign, CampaignStatus.PLANNED, CampaignStatus.ACTIVE), TimelineHistory.Line.NONE);
    m.put(new CampaignMembersAdded(T, AT, campaign, List.of(LEAD), List.of(CONTACT)), TimelineHistory.Line.NONE);
    m.put(new dev.rapport.crm.campaign.CampaignMemberRemoved(T, AT, campaign, Optional.of(LEAD), Optional.empty()),
        TimelineHistory.Line.NONE);
    m.put(new dev.rapport.crm.campaign.CampaignDeleted(T, AT, campaign, 3), TimelineHistory.Line.NONE);
    CaseId kase = CaseId.of(UUID.randomUUID());
    m.put(new CaseOpened(T, AT, kase, ACCOUNT, Optional.of(CONTACT), "Export fails", CasePriority.HIGH),
        line("Case opened (HIGH): Export fails", ACCOUNT.value(), CONTACT.value()));
    m.put(new CaseStatusChanged(T, AT, kase, ACCOUNT, Optional.empty(), CaseStatus.NEW, CaseStatus.IN_PROGRESS),
        line("Case: NEW -> IN_PROGRESS", ACCOUNT.value()));
    m.put(new CaseResolved(T, AT, kase, ACCOUNT, Optional.of(CONTACT), "Patched", AT),
        line("Case resolved: Patched", ACCOUNT.value(), CONTACT.value()));
    m.put(new FeedbackReceived(T, AT, FeedbackId.of(UUID.randomUUID()), ACCOUNT, CONTACT, Optional.of(kase),
        Optional.of(OPP), FeedbackScale.NPS, 9, AT), line("NPS answer: 9", ACCOUNT.value(), CONTACT.value(), OPP.value()));
    m.put(new CampaignResponseRecorded(T, AT, campaign, Optional.of(LEAD), Optional.empty(), ResponseStatus.REGISTERED, AT),
        line("Campaign response: registered (campaign " + campaign + ")", LEAD.value()));
    dev.rapport.crm.common.SaleId sale = dev.rapport.crm.common.SaleId.of(UUID.randomUUID());
    java.time.LocalDate day = java.time.LocalDate.of(2025, 1, 6);
    m.put(new dev.rapport.crm.sales.SaleRecorded(T, AT, sale, "INV-1", ACCOUNT, Optional.empty(), day, MONEY, 1),
        line("Invoice INV-1: " + MONEY, ACCOUNT.value()));
    m.put(new dev.rapport.crm.sales.PaymentRecorded(T, AT, dev.rapport.crm.common.PaymentId.of(UUID.randomUUID()), "PAY-1",
        ACCOUNT, MONEY, day, dev.rapport.crm.common.Money.of("0.00", "EUR")), line("Payment PAY-1: " + MONEY, ACCOUNT.value()));
    m.put(new dev.rapport.crm.sales.PayerClassChanged(T, AT, ACCOUNT, dev.rapport.crm.sales.PayerClass.ON_TIME,
        dev.rapport.crm.sales.PayerClass.CHRONICALLY_LATE, 1, 2, 92),
        line("Payer class: ON_TIME -> CHRONICALLY_LATE", ACCOUNT.value()));
    m.put(new dev.rapport.crm.servicelevel.ServicePolicyChanged(T, AT, 2, List.of("Gold", "Standard")), TimelineHistory.Line.NONE);
    m.put(new dev.rapport.crm.servicelevel.AccountTierChanged(T, AT, ACCOUNT, Optional.empty(), "Gold"),
        line("Service tier: none -> Gold", ACCOUNT.value()));
    m.put(new dev.rapport.crm.service.CaseTargetAtRisk(T, AT, kase, ACCOUNT, "Gold", dev.rapport.crm.service.CaseLevel.Target.RESPONSE, AT),
        line("Case response at risk (Gold), due " + AT, ACCOUNT.value()));
    m.put(new dev.rapport.crm.service.CaseTargetBreached(T, AT, kase, ACCOUNT, "Gold", dev.rapport.crm.service.CaseLevel.Target.RESOLUTION, AT),
        line("Case resolution overdue (Gold), was due " + AT, ACCOUNT.value()));
    return m;
  }

  private static TimelineHistory.Line line(String summary, UUID... subjects) {
    return new TimelineHistory.Line(List.of(subjects), summary);
  }

  @Test
  void everyEventTypeOfTheSealedHierarchyHasAnExplicitLine() {
    assertThat(expected().keySet()).extracting(Object::getClass)
        .containsExactlyInAnyOrderElementsOf(Crm.eventTypes());
  }

  @Test
  void eachEventShowsInTheTimelinesOfItsSubjectsWithItsSummary() {
    expected().forEach((event, line) -> {
      TimelineHistory.Line actual = TimelineHistory.line(event);
      assertThat(actual.subjects()).as(event.getClass().getSimpleName()).containsExactlyElementsOf(line.subjects());
      if (!line.subjects().isEmpty()) {
        assertThat(actual.summary()).as(event.getClass().getSimpleName()).isEqualTo(line.summary());
      }
    });
  }

  @Test
  void aCaseMovingToResolvedShowsOnceThroughItsResolution() {
    assertThat(TimelineHistory.line(new CaseStatusChanged(T, AT, CaseId.of(UUID.randomUUID()), ACCOUNT,
        Optional.empty(), CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED)).subjects()).isEmpty();
  }

  @Test
  void theEntriesAreOnePerEventAndSubjectInOrderAtTheEventsTime() {
    List<CrmEvent> events = List.of(new LeadCaptured(T, AT, LEAD, LeadSource.WEBINAR),
        new TaskRescheduled(T, AT, TASK, AT, Optional.empty()),
        new OpportunityWon(T, AT.plusSeconds(1), OPP, ACCOUNT, MONEY));
    UUID[] ids = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
    int[] next = {0};
    List<TimelineEntry> entries = TimelineHistory.entries(events, T, () -> ids[next[0]++]);
    assertThat(entries).extracting(TimelineEntry::id).containsExactly(ids);
    assertThat(entries).extracting(TimelineEntry::subjectId).containsExactly(LEAD.value(), OPP.value(), ACCOUNT.value());
    assertThat(entries).extracting(TimelineEntry::event).containsExactly(Optional.of("LeadCaptured"),
        Optional.of("OpportunityWon"), Optional.of("OpportunityWon"));
    assertThat(entries).extracting(TimelineEntry::occurredAt).containsExactly(AT, AT.plusSeconds(1), AT.plusSeconds(1));
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.kind()).isEqualTo(TimelineItem.Kind.HISTORY);
      assertThat(e.refId()).isEmpty();
      assertThat(e.tenantId()).isEqualTo(T);
    });
  }

  @Test
  void aSummaryLongerThanTheLimitIsCut() {
    String name = "\uD83D\uDE00".repeat(Limits.TIMELINE_SUMMARY);
    TimelineEntry e = TimelineHistory.entries(List.of(new AccountCreated(T, AT, ACCOUNT, name)), T, UUID::randomUUID).get(0);
    String summary = e.summary().orElseThrow();
    assertThat(summary.codePointCount(0, summary.length())).isEqualTo(Limits.TIMELINE_SUMMARY);
    assertThat(summary).startsWith("Account created: ");
    assertThat(Crm.eventTypes()).isNotEmpty();
  }
}
