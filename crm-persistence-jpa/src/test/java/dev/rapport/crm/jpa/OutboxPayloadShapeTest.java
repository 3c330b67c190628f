package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.campaign.ResponseStatus;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.service.CaseStatus;
import dev.rapport.crm.service.NewCase;
import dev.rapport.crm.service.ServiceCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * One JSON shape for events: the outbox writes each event's payload through crm-jackson, as the
 * outbox's own encoder wrote it before ({@link LegacyEventPayloads}) but for one difference the
 * two encoders had grown (links, an object now, were a text), and a row written before reads back
 * as the same event through {@link OutboxMessage#event()}. Checked on H2 for one event of every
 * type {@link Crm#eventTypes()} lists.
 */
class OutboxPayloadShapeTest {
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final dev.rapport.crm.TestClock CLOCK = dev.rapport.crm.TestClock.at(NOW);

  @Test
  void everyEventTypeIsWrittenInTheShapeOfBeforeAndReadsBackFromOldAndNewRows() throws Exception {
    Target.Store store = Target.H2_HIBERNATE.freshStore("outbox-shape");
    try {
      List<CrmEvent> raised = new CopyOnWriteArrayList<>();
      Crm crm = Crm.builder().persistence(JpaPersistence.create(store.factory()))
          .tenant(TenantId.of("shape-" + UUID.randomUUID())).clock(CLOCK)
          .listener(raised::add).build();
      everyKindOfEvent(crm);

      List<OutboxMessage> rows = OutboxRelay.create(store.factory()).pending(1000);
      assertThat(rows).hasSameSizeAs(raised);
      for (int i = 0; i < rows.size(); i++) {
        OutboxMessage row = rows.get(i);
        CrmEvent event = raised.get(i);
        if (event instanceof dev.rapport.crm.field.FieldEvent || event instanceof dev.rapport.crm.servicelevel.ServiceLevelEvent
            || event instanceof dev.rapport.crm.service.CaseTargetAtRisk || event instanceof dev.rapport.crm.service.CaseTargetBreached) {
          // custom field and service level events came after the legacy encoder: no shape of before, only the round trip
          assertThat(row.event()).as("a new row of %s", row.eventType()).isEqualTo(event);
          continue;
        }
        String before = LegacyEventPayloads.payload(event);
        com.fasterxml.jackson.databind.node.ObjectNode now = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(row.payload());
        com.fasterxml.jackson.databind.node.ObjectNode then = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(before);
        if (now.path("links").isObject()) { // the one difference: links were their text
          assertThat(then.get("links").asText()).isEqualTo(String.valueOf(event.getClass().getMethod("links").invoke(event)));
          now.remove("links");
          then.remove("links");
        }
        assertThat(now).as("the payload of %s", event).isEqualTo(then);
        assertThat(row.event()).as("a new row of %s", row.eventType()).isEqualTo(event);
        assertThat(EventPayloads.read(row.eventType(), before)).as("an old row of %s", row.eventType()).isEqualTo(event);
      }
      assertThat(raised.stream().map(Object::getClass).distinct().toList())
          .as("one event of every type").containsExactlyInAnyOrderElementsOf(Crm.eventTypes());
    } finally {
      store.factory().close();
    }
  }

  /** Commands that raise every type of event at least once. */
  private static void everyKindOfEvent(Crm crm) {
    Campaign webinar = crm.campaigns().plan(NewCampaign.builder("Webinar", Channel.WEBINAR, LocalDate.of(2025, 3, 1),
        LocalDate.of(2025, 3, 31), Money.of("100.00", "EUR")).build());
    Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR)
        .email("ada@engines.example").company("Engines").build());
    crm.campaigns().addMembers(webinar.id(), List.of(MemberId.lead(lead.id())));
    crm.campaigns().start(webinar.id());
    crm.mail().ingest(dev.rapport.crm.mail.MailMessage.builder("shape-1@engines.example",
        dev.rapport.crm.mail.MailAddress.of("Ada", "ada@engines.example"), NOW).subject("Question").build());
    crm.mail().ingest(dev.rapport.crm.mail.MailMessage.builder("shape-2@mx.example",
        dev.rapport.crm.mail.MailAddress.of("mailer-daemon@mx.example"), NOW).subject("Undelivered")
        .failedRecipient(dev.rapport.crm.common.EmailAddress.of("gone@nowhere.example")).build());
    crm.campaigns().recordResponse(webinar.id(), MemberId.lead(lead.id()), ResponseStatus.REGISTERED, NOW);
    var reader = crm.contacts().create(dev.rapport.crm.contact.NewContact.builder(PersonName.of("Mary", "Somerville"))
        .email("mary@somerville.example").build());
    crm.contacts().recordConsent(reader.id(), true, "newsletter form");
    var spam = crm.leads().capture(NewLead.builder(PersonName.of("Spam", "Bot"), LeadSource.WEBINAR).build());
    crm.leads().delete(spam.id());
    var note = crm.activities().log(dev.rapport.crm.activity.NewActivity.builder(dev.rapport.crm.activity.ActivityType.NOTE,
        dev.rapport.crm.activity.Links.contact(reader.id()), "by mistake").build());
    crm.activities().delete(note.id());
    var todo = crm.tasks().create(dev.rapport.crm.activity.NewTask.builder(dev.rapport.crm.activity.Links.contact(reader.id()),
        "by mistake", NOW.plusSeconds(60)).build());
    crm.tasks().delete(todo.id());
    var mistake = crm.campaigns().plan(NewCampaign.builder("Mistake", Channel.EMAIL, LocalDate.of(2025, 3, 1),
        LocalDate.of(2025, 3, 31), Money.of("0.00", "EUR")).build());
    crm.campaigns().addMembers(mistake.id(), List.of(MemberId.contact(reader.id()), MemberId.lead(lead.id())));
    crm.campaigns().removeMember(mistake.id(), MemberId.lead(lead.id()));
    crm.campaigns().delete(mistake.id());
    var stray = crm.accounts().create(dev.rapport.crm.contact.NewAccount.builder("Stray").build());
    var strayContact = crm.contacts().create(dev.rapport.crm.contact.NewContact.builder(PersonName.of("Stray", "One"))
        .account(stray.id()).build());
    var strayDeal = crm.opportunities().open(stray.id(), NewOpportunity.builder("Stray deal", Money.of("1.00", "EUR")).build());
    var strayCase = crm.cases().open(dev.rapport.crm.service.NewCase.builder(stray.id(), "Stray case").build());
    var strayAnswer = crm.feedback().record(dev.rapport.crm.feedback.NewFeedback.nps(stray.id(), strayContact.id(), 7).build());
    crm.feedback().delete(strayAnswer.id());
    crm.cases().delete(strayCase.id());
    crm.opportunities().delete(strayDeal.id());
    crm.contacts().delete(strayContact.id());
    crm.accounts().delete(stray.id());
    var forgetful = crm.contacts().create(dev.rapport.crm.contact.NewContact.builder(PersonName.of("Forget", "Me"))
        .email("forget@me.example").build());
    crm.privacy().erase(dev.rapport.crm.privacy.Person.contact(forgetful.id()));
    var tier = crm.customFields().define(dev.rapport.crm.field.CustomField.choice(dev.rapport.crm.field.RecordKind.LEAD,
        "tier", "Tier", false, List.of("gold", "silver")));
    crm.customFields().change(tier.withLabel("Level"));
    crm.leads().setFields(lead.id(), dev.rapport.crm.field.CustomFields.empty()
        .with("tier", dev.rapport.crm.field.FieldValue.choice("gold")));
    crm.customFields().rename(dev.rapport.crm.field.RecordKind.LEAD, "tier", "level");
    crm.customFields().remove(dev.rapport.crm.field.RecordKind.LEAD, "level");
    crm.leads().recordSignal(lead.id(), SignalType.DEMO_REQUEST);
    crm.leads().changeStatus(lead.id(), LeadStatus.QUALIFIED);
    ConversionResult converted = crm.leads().convert(lead.id(), Conversion.standard()
        .withOpportunity(NewOpportunity.builder("Ledger suite", Money.of("1800.00", "EUR")).build()));
    Opportunity deal = converted.opportunity().orElseThrow();
    crm.opportunities().moveToStage(deal.id(), crm.opportunities().pipeline().stages().get(1).name());
    crm.opportunities().win(deal.id());
    Account account = converted.account();
    Opportunity other = crm.opportunities().open(account.id(), NewOpportunity.builder("Archive", Money.of("50.00", "EUR")).build());
    crm.opportunities().lose(other.id(), LostReason.PRICE);
    crm.opportunities().reopen(other.id(), crm.opportunities().pipeline().firstStage().name());
    crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.account(account.id()), "Note").build());
    Task call = crm.tasks().create(NewTask.builder(Links.account(account.id()), "Call", NOW.plus(Duration.ofDays(1))).build());
    crm.tasks().reschedule(call.id(), NOW.plus(Duration.ofDays(2)), null);
    crm.tasks().complete(call.id());
    Task other2 = crm.tasks().create(NewTask.builder(Links.account(account.id()), "Visit", NOW).build());
    crm.tasks().cancel(other2.id());
    ServiceCase issue = crm.cases().open(NewCase.builder(account.id(), "Import fails").build());
    crm.cases().changeStatus(issue.id(), CaseStatus.IN_PROGRESS);
    crm.cases().resolve(issue.id(), "Mapping fixed");
    crm.feedback().record(NewFeedback.nps(account.id(), converted.contact().id(), 9).build());
    dev.rapport.crm.contact.Contact twin = crm.contacts().create(dev.rapport.crm.contact.NewContact
        .builder(dev.rapport.crm.common.PersonName.of("Grace", "Hopper")).build());
    dev.rapport.crm.contact.ContactMerge merge = crm.contacts().merge(dev.rapport.crm.contact.ContactMergePlan
        .of(converted.contact().id(), List.of(twin.id())));
    crm.contacts().undoMerge(merge.id());
    Account twinAccount = crm.accounts().create(dev.rapport.crm.contact.NewAccount.builder("Cobol Works Ltd").build());
    dev.rapport.crm.contact.AccountMerge accountMerge = crm.accounts().merge(dev.rapport.crm.contact.AccountMergePlan
        .of(account.id(), List.of(twinAccount.id())));
    crm.accounts().undoMerge(accountMerge.id());
    dev.rapport.crm.lead.Lead one = crm.leads().capture(NewLead.builder(dev.rapport.crm.common.PersonName.of("Ada", "King"),
        LeadSource.WEBINAR).build());
    dev.rapport.crm.lead.Lead two = crm.leads().capture(NewLead.builder(dev.rapport.crm.common.PersonName.of("Ada", "King"),
        LeadSource.REFERRAL).build());
    dev.rapport.crm.lead.LeadMerge leadMerge = crm.leads().merge(dev.rapport.crm.lead.LeadMergePlan.of(one.id(), List.of(two.id())));
    crm.leads().undoMerge(leadMerge.id());
    crm.campaigns().complete(webinar.id());
    LocalDate day = LocalDate.of(2025, 1, 6);
    crm.sales().record(NewSale.invoice("INV-1", account.id(), day, "EUR").dueInDays(14).line("SEAT", "1", "100.00").build());
    crm.sales().recordPayment(NewPayment.of("PAY-1", account.id(), Money.of("40.00", "EUR"), day.plusDays(1), "INV-1", "40.00"));
    crm.sales().refreshPayerClasses(); // INV-1 is open and late on 2025-03-03: the class changes
    crm.sales().record(NewSale.invoice("INV-2", account.id(), day, "EUR").line("SEAT", "1", "10.00").build());
    crm.sales().recordPayment(NewPayment.of("PAY-2", account.id(), Money.of("10.00", "EUR"), day.plusDays(1), "INV-2", "10.00"));
    crm.sales().deletePayment("PAY-2", 1);
    crm.sales().deleteSale("INV-2", 1);
    // service levels: a policy, an account tiered, a case whose targets come due
    crm.serviceLevels().define(dev.rapport.crm.servicelevel.ServicePolicy.of(
        dev.rapport.crm.common.BusinessCalendar.always(ZoneOffset.UTC),
        dev.rapport.crm.servicelevel.ServiceTier.named("Gold", new dev.rapport.crm.servicelevel.ServiceTarget(
            java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(2)))
            .when(dev.rapport.crm.servicelevel.TierRule.payerClass(dev.rapport.crm.sales.PayerClass.values())),
        dev.rapport.crm.servicelevel.ServiceTier.named("Standard", dev.rapport.crm.servicelevel.ServiceTarget.hours(8, 40))));
    crm.serviceLevels().retier(100);
    crm.cases().open(NewCase.builder(account.id(), "Due soon").build());
    CLOCK.advance(java.time.Duration.ofMinutes(5));
    crm.cases().refreshServiceLevels();
  }
}
