package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.analytics.ReportFilter;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.EngagementSignal;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.mail.MailAddress;
import dev.rapport.crm.mail.MailMessage;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.privacy.Erasure;
import dev.rapport.crm.privacy.Person;
import dev.rapport.crm.privacy.PersonErased;
import dev.rapport.crm.privacy.PersonalData;
import dev.rapport.crm.privacy.PrivacyService;
import dev.rapport.crm.privacy.Retention;
import dev.rapport.crm.privacy.RetentionReport;
import dev.rapport.crm.service.NewCase;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A person's export and erasure on the adapter: the export holds what the store holds about them;
 * after erasure no record the adapter keeps names them (their address, phone, names, or any free
 * text of theirs), while the reports give the same figures; the erased marker keeps them out of
 * capture until they are allowed back. Refusals change nothing; retention takes untouched leads a
 * batch at a time. What an adapter keeps outside the records (an outbox, merge records) is
 * searched by the adapter's own test of every table.
 */
public abstract class PrivacyContract extends ContractSupport {

  /** Everything that names Otto, the person erased: none of it may be left anywhere. */
  public static final List<String> OTTO = List.of("otto@lang.example", "otto.private@lang.example", "Otto", "Langhorne",
      "+4930123456", "4930123456", "Chief Tinkerer", "Zebrafish", "Greta", "printer is on fire",
      "loves the dashboards", "asked about volume pricing", "Lunch with Otto", "Book a table for",
      "Told him to unplug", "fuser cooled");

  /** The people of the tests: Otto, who is erased, and Katherine, who shares some of his history. */
  public record World(Lead lead, ConversionResult converted, Contact katherine, Campaign campaign) {}

  private World world() {
    World w = world(crm, START);
    events.clear();
    return w;
  }

  /**
   * Builds Otto's history on {@code crm} (a fresh tenant, its clock at {@code now}): a lead from a
   * campaign with a phone, title and a signal, a note, a lunch with Katherine, a task, an e-mail to
   * both, his conversion, a second address, a won deal, a case and an answer, and his duplicate
   * lead merged into him and the merge undone and done again (merge records hold copies). An
   * adapter's test of every table erases {@code Person.withEmail("otto@lang.example")} and
   * searches for {@link #OTTO}.
   */
  public static World world(Crm crm, java.time.Instant now) {
    Campaign campaign = crm.campaigns().plan(NewCampaign.builder("Spring", Channel.NEWSLETTER, LocalDate.of(2025, 3, 1),
        LocalDate.of(2025, 3, 31), Money.of("0.00", "EUR")).build());
    crm.campaigns().start(campaign.id());
    Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Otto", "Langhorne"), LeadSource.WEBINAR)
        .email("otto@lang.example").phone("+49 30 123456").company("Zeta Works").title("Chief Tinkerer")
        .campaign(campaign.id()).build());
    crm.leads().recordSignal(lead.id(), new EngagementSignal(SignalType.PRICING_REQUEST, now,
        Optional.of("asked about volume pricing")));
    Lead twin = crm.leads().capture(NewLead.builder(PersonName.of("Otto", "Langhorne"), LeadSource.WEBINAR)
        .email("otto@lang.example").title("Chief Tinkerer").build());
    var merge = crm.leads().merge(dev.rapport.crm.lead.LeadMergePlan.of(lead.id(), List.of(twin.id())));
    crm.leads().undoMerge(merge.id());
    crm.leads().merge(dev.rapport.crm.lead.LeadMergePlan.of(lead.id(), List.of(twin.id())));
    crm.campaigns().addMembers(campaign.id(), List.of(MemberId.lead(lead.id())));
    Contact katherine = crm.contacts().create(NewContact.builder(PersonName.of("Katherine", "Meyer"))
        .email("k@meyer.example").build());
    crm.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(lead.id()), "About the Zebrafish project")
        .body("Mentioned his daughter Greta").build());
    crm.activities().log(NewActivity.builder(ActivityType.MEETING, Links.lead(lead.id()).andContact(katherine.id()),
        "Lunch with Otto and Katherine").build());
    crm.tasks().create(NewTask.builder(Links.lead(lead.id()), "Call Otto back", now.plusSeconds(3_600)).build());
    var both = crm.tasks().create(NewTask.builder(Links.lead(lead.id()).andContact(katherine.id()),
        "Book a table for Otto and Katherine", now.plusSeconds(7_200)).build());
    crm.tasks().complete(both.id()); // "Task done: ..." on Katherine's timeline too
    crm.mail().ingest(MailMessage.builder(UUID.randomUUID() + "@lang.example", MailAddress.of("Otto Langhorne",
        "otto@lang.example"), now).cc(MailAddress.of("k@meyer.example")).subject("Question from Otto")
        .text("Regards, Otto Langhorne, +49 30 123456").build());
    crm.leads().changeStatus(lead.id(), LeadStatus.QUALIFIED);
    ConversionResult converted = crm.leads().convert(lead.id(), Conversion.standard()
        .withOpportunity(NewOpportunity.builder("Licence", Money.of("990.00", "EUR")).build()));
    crm.contacts().addEmail(converted.contact().id(), "otto.private@lang.example");
    crm.opportunities().win(converted.opportunity().orElseThrow().id());
    var serviceCase = crm.cases().open(NewCase.builder(converted.account().id(), "Otto says the printer is on fire")
        .contact(converted.contact().id()).description("Call Otto on +49 30 123456").build());
    crm.cases().resolve(serviceCase.id(), "Told him to unplug it and wait. " + "Then the fuser cooled down. ".repeat(30));
    crm.feedback().record(NewFeedback.nps(converted.account().id(), converted.contact().id(), 9)
        .comment("Otto loves the dashboards").aboutCase(serviceCase.id()).build());
    crm.campaigns().addMembers(campaign.id(), List.of(MemberId.contact(converted.contact().id()),
        MemberId.contact(katherine.id())));
    return new World(crm.leads().get(lead.id()), converted, katherine, campaign);
  }

  /** What the reports say, all of it compared before and after. */
  private List<Object> figures(World w) {
    Period march = Period.month(YearMonth.of(2025, 3));
    return List.of(crm.leads().count(LeadQuery.all()), crm.opportunities().count(OpportunityQuery.all()),
        crm.campaigns().results(w.campaign().id()), crm.feedback().nps(START.minusSeconds(86_400), START.plusSeconds(86_400)),
        crm.analytics().effectiveness(march, ReportFilter.all()), crm.analytics().funnel(march, ReportFilter.all()));
  }

  /** The whole audit trail of the test's tenant (its commands all act for the builder's actor). */
  private List<dev.rapport.crm.audit.AuditEntry> trail() {
    return StoreSnapshot.all(p -> crm.audit().byActor(crm.actor(), p), 50);
  }

  private static List<String> named(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> found = new ArrayList<>();
    for (String s : OTTO) {
      if (lower.contains(s.toLowerCase(Locale.ROOT))) {
        found.add(s);
      }
    }
    return found;
  }

  @Test
  public void theExportHoldsEverythingAboutThePerson() {
    World w = world();
    PersonalData data = crm.privacy().export(Person.withEmail("OTTO@lang.example"));

    assertThat(data.leads()).extracting(Lead::id).containsExactly(w.lead().id());
    assertThat(data.contacts()).extracting(Contact::id).containsExactly(w.converted().contact().id());
    assertThat(data.activities()).extracting(a -> a.subject()).containsExactlyInAnyOrder("About the Zebrafish project",
        "Lunch with Otto and Katherine", "Question from Otto");
    assertThat(data.tasks()).extracting(t -> t.subject()).containsExactly("Call Otto back",
        "Book a table for Otto and Katherine");
    assertThat(data.mails()).singleElement().satisfies(m -> assertThat(m.message().subject()).isEqualTo("Question from Otto"));
    assertThat(data.campaignMemberships()).extracting(m -> m.member()).containsExactlyInAnyOrder(
        MemberId.lead(w.lead().id()), MemberId.contact(w.converted().contact().id()));
    assertThat(data.cases()).singleElement().satisfies(c -> assertThat(c.subject()).contains("printer is on fire"));
    assertThat(data.feedback()).singleElement().satisfies(f -> assertThat(f.comment()).contains("Otto loves the dashboards"));
    assertThat(data.history()).isNotEmpty().allMatch(e -> e.summary().isPresent());
    assertThat(data.erasedAt()).isEmpty();
    assertThat(data.audit()).extracting(e -> e.recordId()).contains(w.lead().id().value(),
        w.converted().contact().id().value());
    // the same person, named by the lead or by the contact
    assertThat(crm.privacy().export(Person.lead(w.lead().id())).contacts()).isEqualTo(data.contacts());
    assertThat(crm.privacy().export(Person.contact(w.converted().contact().id())).leads()).isEqualTo(data.leads());
    // Katherine is in none of it but what she shared
    assertThat(crm.privacy().export(Person.contact(w.katherine().id())).activities()).extracting(a -> a.subject())
        .containsExactlyInAnyOrder("Lunch with Otto and Katherine", "Question from Otto");
    // nobody holds this address: an empty export
    assertThat(crm.privacy().export(Person.withEmail("nobody@nowhere.example")).isEmpty()).isTrue();
    assertThat(events).isEmpty();
  }

  @Test
  public void anErasedPersonIsGoneFromEveryRecordAndTheReportsAreUnchanged() {
    World w = world();
    List<Object> before = figures(w);
    assertThat(named(snapshot().toString())).isNotEmpty(); // the search finds what is there

    assertThat(named(trail().toString())).as("the audit trail names him before").isNotEmpty();

    Erasure erasure = crm.privacy().erase(Person.withEmail("otto@lang.example"));

    assertThat(erasure.leads()).containsExactly(w.lead().id());
    assertThat(erasure.contacts()).containsExactly(w.converted().contact().id());
    assertThat(erasure.activities()).isEqualTo(3);
    assertThat(erasure.tasks()).isEqualTo(2);
    assertThat(erasure.mails()).isEqualTo(1);
    assertThat(erasure.cases()).isEqualTo(1);
    assertThat(erasure.feedback()).isEqualTo(1);
    assertThat(erasure.changedNothing()).isFalse();
    assertThat(events).singleElement().isInstanceOfSatisfying(PersonErased.class, e -> {
      assertThat(e.erasureId()).isEqualTo(erasure.id());
      assertThat(e.leads()).containsExactly(w.lead().id());
      assertThat(named(e.toString())).isEmpty();
    });
    StoreSnapshot after = snapshot();
    assertThat(named(after.toString())).as("what still names the person").isEmpty();
    assertThat(named(trail().toString())).as("what the audit trail still says of the person").isEmpty();
    assertThat(erasure.auditEntries()).isPositive();
    assertThat(after.toString()).contains("Katherine", "k@meyer.example"); // the others stay as they were
    assertThat(after.leads()).hasSize(1);
    assertThat(after.leads().get(0).name()).isEqualTo(PrivacyService.ERASED_NAME);
    assertThat(after.contacts()).filteredOn(c -> c.id().equals(w.converted().contact().id())).singleElement()
        .satisfies(c -> {
          assertThat(c.emails()).isEmpty();
          assertThat(c.marketingConsent().orElseThrow().granted()).isFalse();
        });
    assertThat(after.mails()).singleElement().satisfies(m -> {
      assertThat(m.message().from()).isEqualTo(PrivacyService.ERASED_ADDRESS);
      assertThat(m.message().cc()).containsExactly(MailAddress.of("k@meyer.example"));
    });
    assertThat(figures(w)).isEqualTo(before);
    assertThat(crm.privacy().erasedOn("otto@lang.example")).contains(START);
    assertThat(crm.privacy().erasedOn("otto.private@lang.example")).contains(START);
    assertThat(crm.privacy().export(Person.contact(w.converted().contact().id())).erasedAt()).isEmpty();
    assertThat(crm.privacy().export(Person.withEmail("otto@lang.example")).erasedAt()).contains(START);

    // idempotent: again, by address or by record, changes nothing and raises nothing
    events.clear();
    StoreSnapshot erased = snapshot();
    assertThat(crm.privacy().erase(Person.withEmail("otto@lang.example")).changedNothing()).isTrue();
    assertThat(crm.privacy().erase(Person.contact(w.converted().contact().id())).changedNothing()).isTrue();
    assertThat(crm.privacy().erase(Person.lead(w.lead().id())).changedNothing()).isTrue();
    assertThat(snapshot()).isEqualTo(erased);
    assertThat(events).isEmpty();
  }

  @Test
  public void theErasedMarkerKeepsThePersonOutUntilTheyAreAllowedBack() {
    world();
    crm.privacy().erase(Person.withEmail("otto@lang.example"));
    clock.advance(Duration.ofDays(30));
    events.clear();
    StoreSnapshot before = snapshot();

    assertThatThrownBy(() -> crm.leads().capture(NewLead.builder(PersonName.of("Otto", "Langhorne"), LeadSource.WEBSITE_SIGNUP)
        .email("Otto@Lang.example").build())).isInstanceOf(ValidationException.class)
        .hasMessageContaining("email").hasMessageContaining("erased on 2025-03-03");
    assertThatThrownBy(() -> crm.leads().captureAll(List.of(
        NewLead.builder(PersonName.of("Someone", "Else"), LeadSource.WEBSITE_SIGNUP).email("else@else.example").build(),
        NewLead.builder(PersonName.of("Otto", "L"), LeadSource.WEBSITE_SIGNUP).email("otto.private@lang.example").build())))
        .isInstanceOf(ValidationException.class).hasMessageContaining("leads.email");
    assertThatThrownBy(() -> crm.contacts().create(NewContact.builder(PersonName.of("Otto", "L"))
        .email("otto@lang.example").build())).isInstanceOf(ValidationException.class).hasMessageContaining("emails");
    assertThatThrownBy(() -> crm.contacts().createAll(List.of(NewContact.builder(PersonName.of("Otto", "L"))
        .email("otto@lang.example").build()))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("contacts.emails");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();

    assertThat(crm.privacy().allowReturn("otto@lang.example")).isTrue();
    assertThat(crm.privacy().allowReturn("otto@lang.example")).isFalse();
    Lead back = crm.leads().capture(NewLead.builder(PersonName.of("Otto", "Langhorne"), LeadSource.WEBSITE_SIGNUP)
        .email("otto@lang.example").build());
    assertThat(back.email()).isPresent();
    assertThat(crm.privacy().erasedOn("otto@lang.example")).isEmpty();
    assertThat(crm.privacy().erasedOn("otto.private@lang.example")).contains(START); // each address its own marker
  }

  @Test
  public void refusedErasuresChangeNothing() {
    World w = world();
    StoreSnapshot before = snapshot();

    assertThatThrownBy(() -> crm.privacy().erase(Person.lead(dev.rapport.crm.common.LeadId.of(UUID.randomUUID()))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.privacy().erase(Person.withEmail("never@known.example")))
        .isInstanceOf(NotFoundException.class).hasMessageNotContaining("never@known.example");
    Crm other = crm(freshTenant(), persistence);
    assertThatThrownBy(() -> other.privacy().erase(Person.contact(w.converted().contact().id())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.privacy().export(Person.lead(w.lead().id()))).isInstanceOf(NotFoundException.class);
    assertThat(other.privacy().export(Person.withEmail("otto@lang.example")).isEmpty()).isTrue();
    assertThatThrownBy(() -> crm.privacy().erase(null)).isInstanceOf(ValidationException.class).hasMessageContaining("person");
    assertThatThrownBy(() -> Person.withEmail("not an address")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("email");
    assertThatThrownBy(() -> crm.privacy().applyRetention(null)).isInstanceOf(ValidationException.class);

    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
  }

  @Test
  public void retentionErasesOrDeletesUntouchedLeadsABatchAtATime() {
    List<Lead> old = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      old.add(crm.leads().capture(NewLead.builder(PersonName.of("Old" + i, "Stale"), LeadSource.WEBSITE_SIGNUP)
          .email("old" + i + "@stale.example").build()));
    }
    Lead converting = crm.leads().capture(NewLead.builder(PersonName.of("Kept", "Customer"), LeadSource.WEBSITE_SIGNUP).build());
    crm.leads().changeStatus(converting.id(), LeadStatus.QUALIFIED);
    crm.leads().convert(converting.id(), Conversion.standard());
    clock.advance(Duration.ofDays(200));
    Lead touched = crm.leads().recordSignal(old.get(4).id(), SignalType.DEMO_REQUEST); // touched again: stays
    Lead fresh = crm.leads().capture(NewLead.builder(PersonName.of("New", "Comer"), LeadSource.WEBSITE_SIGNUP).build());
    events.clear();

    RetentionReport report = crm.privacy().applyRetention(Retention.leadsUntouchedFor(java.time.Period.ofMonths(6))
        .batchSize(2));

    assertThat(report.erased()).isEqualTo(4);
    assertThat(report.deleted()).isZero();
    assertThat(report.batches()).isEqualTo(2);
    assertThat(events).hasSize(4).allMatch(PersonErased.class::isInstance);
    for (int i = 0; i < 4; i++) {
      Lead l = crm.leads().get(old.get(i).id());
      assertThat(l.name()).isEqualTo(PrivacyService.ERASED_NAME);
      assertThat(l.email()).isEmpty();
      assertThat(crm.privacy().erasedOn("old" + i + "@stale.example")).isPresent();
    }
    assertThat(crm.leads().get(touched.id())).isEqualTo(touched);
    assertThat(crm.leads().get(fresh.id())).isEqualTo(fresh);
    assertThat(crm.leads().get(converting.id()).name()).isEqualTo(PersonName.of("Kept", "Customer"));

    // a second run finds nothing new; deletion takes the erased ones once they are old again
    events.clear();
    assertThat(crm.privacy().applyRetention(Retention.leadsUntouchedFor(java.time.Period.ofMonths(6))).erased()).isZero();
    assertThat(events).isEmpty();
    clock.advance(Duration.ofDays(200));
    RetentionReport deleted = crm.privacy().applyRetention(Retention.leadsUntouchedFor(java.time.Period.ofMonths(6))
        .delete().batchSize(100));
    assertThat(deleted.deleted()).isEqualTo(6); // the four erased, the touched one and the fresh one
    assertThat(deleted.batches()).isEqualTo(1);
    assertThat(snapshot().leads()).extracting(Lead::id).containsExactly(converting.id());
    // deleted by retention, and erased first: its audit trail keeps no address of theirs
    for (Lead gone : old) {
      assertThat(crm.audit().ofRecord(gone.id().value(), dev.rapport.crm.common.PageRequest.first(50)).items().toString())
          .doesNotContain("@stale.example").doesNotContain("Stale");
    }
  }

  @Test
  public void anAddressAnotherPersonHoldsKeepsItsSuppressionAndGetsNoMarker() {
    Lead otto = crm.leads().capture(NewLead.builder(PersonName.of("Otto", "Langhorne"), LeadSource.WEBINAR)
        .email("info@shared.example").build());
    Lead colleague = crm.leads().capture(NewLead.builder(PersonName.of("Ines", "Vogel"), LeadSource.WEBINAR)
        .email("info@shared.example").build());
    crm.mail().ingest(MailMessage.builder(UUID.randomUUID() + "@mx.example", MailAddress.of("mailer-daemon@mx.example"),
        START).subject("Undelivered").failedRecipient(dev.rapport.crm.common.EmailAddress.of("info@shared.example")).build());
    assertThat(crm.mail().suppression(dev.rapport.crm.common.EmailAddress.of("info@shared.example"))).isPresent();

    crm.privacy().erase(Person.lead(otto.id()));

    assertThat(crm.leads().get(otto.id()).email()).isEmpty();
    assertThat(crm.leads().get(colleague.id())).isEqualTo(colleague);
    assertThat(crm.mail().suppression(dev.rapport.crm.common.EmailAddress.of("info@shared.example"))).isPresent();
    assertThat(crm.privacy().erasedOn("info@shared.example")).isEmpty();
    crm.leads().capture(NewLead.builder(PersonName.of("Ines", "Vogel"), LeadSource.REFERRAL)
        .email("info@shared.example").build()); // not refused
  }

  @Test
  public void anAccountNamedAfterThePersonIsRenamedAndAnErasedSenderIsNotCapturedAgain() {
    Lead hanna = crm.leads().capture(NewLead.builder(PersonName.of("Hanna", "Quirinus"), LeadSource.REFERRAL)
        .email("hanna.quirinus@gmail.com").build());
    crm.leads().changeStatus(hanna.id(), LeadStatus.QUALIFIED);
    ConversionResult converted = crm.leads().convert(hanna.id(), Conversion.standard());
    assertThat(converted.account().name()).isEqualTo("Hanna Quirinus"); // no company, a free-mail address

    crm.privacy().erase(Person.withEmail("hanna.quirinus@gmail.com"));

    assertThat(crm.accounts().get(converted.account().id()).name()).isEqualTo(PrivacyService.ERASED_NAME.fullName());
    assertThat(snapshot().toString()).doesNotContain("Quirinus");
    Crm capturing = Crm.builder().persistence(persistence).tenant(tenant).clock(clock)
        .mail(dev.rapport.crm.mail.MailSettings.builder()
            .unknownSenders(dev.rapport.crm.mail.MailSettings.UnknownSenders.CAPTURE_AS_LEAD).build()).build();
    int leads = snapshot().leads().size();
    capturing.mail().ingest(MailMessage.builder(UUID.randomUUID() + "@gmail.com",
        MailAddress.of("Hanna Quirinus", "hanna.quirinus@gmail.com"), START).subject("Me again").build());
    assertThat(snapshot().leads()).hasSize(leads);
    assertThat(snapshot().toString()).doesNotContain("Quirinus");
  }
}
