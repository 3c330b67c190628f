package dev.rapport.crm.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.analytics.ReportFilter;
import dev.rapport.crm.audit.AuditEntry;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.jackson.RapportModule;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.privacy.Erasure;
import dev.rapport.crm.privacy.Person;
import dev.rapport.crm.privacy.PersonalData;
import java.io.PrintStream;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A customer asks to be forgotten. Ann captures Otto from a webinar, Bob qualifies and converts
 * him and wins his deal; he answers a survey. The audit trail says who did what. Otto asks what is
 * held about him: the export is one JSON document. Then he asks to be forgotten: after the
 * erasure nothing names him, the funnel, the effectiveness report and NPS are as before, and an
 * import of an old list that still has his address is refused.
 *
 * <pre>{@code ./mvnw -q -pl crm-examples -am -DskipTests package exec:java -Dexec.mainClass=dev.rapport.crm.examples.ForgetACustomer}</pre>
 */
public final class ForgetACustomer {
  private ForgetACustomer() {}

  /** Runs the story, printing what happens; returns the erasure. */
  static Erasure run(PrintStream out) throws java.io.IOException {
    TestClock clock = TestClock.at(Instant.parse("2025-03-03T09:00:00Z"));
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("acme").clock(clock).build();
    Crm ann = crm.as("ann");
    Crm bob = crm.as("bob");

    Lead otto = ann.leads().capture(NewLead.builder(PersonName.of("Otto", "Lang"), LeadSource.WEBINAR)
        .email("otto@lang.example").phone("+49 30 123456").company("Zeta Works").build());
    ann.activities().log(NewActivity.builder(ActivityType.NOTE, Links.lead(otto.id()), "Otto asked about volume prices")
        .build());
    bob.leads().changeStatus(otto.id(), LeadStatus.QUALIFIED);
    ConversionResult converted = bob.leads().convert(otto.id(), Conversion.standard()
        .withOpportunity(NewOpportunity.builder("Zeta licences", Money.of("990.00", "EUR")).build()));
    bob.opportunities().win(converted.opportunity().orElseThrow().id());
    crm.feedback().record(NewFeedback.nps(converted.account().id(), converted.contact().id(), 9)
        .comment("Otto likes the reports").build());

    for (AuditEntry e : crm.audit().ofRecord(otto.id().value(), PageRequest.first(20)).items()) {
      out.println("audit: " + e.actor() + " " + e.action() + " " + e.changes().stream()
          .map(c -> c.field() + ": " + c.from().orElse("") + " -> " + c.to().orElse("")).toList());
    }

    PersonalData data = crm.privacy().export(Person.withEmail("otto@lang.example"));
    String json = new ObjectMapper().registerModule(new RapportModule()).writeValueAsString(data);
    out.println("export: " + data.leads().size() + " lead, " + data.contacts().size() + " contact, "
        + data.activities().size() + " activity, " + data.feedback().size() + " answer, " + data.audit().size()
        + " audit entries; JSON of " + json.length() + " characters, names Otto: " + json.contains("Otto"));

    Period march = Period.month(YearMonth.of(2025, 3));
    List<Object> before = List.of(crm.analytics().funnel(march, ReportFilter.all()),
        crm.analytics().effectiveness(march, ReportFilter.all()),
        crm.feedback().nps(clock.instant().minusSeconds(86_400), clock.instant().plusSeconds(86_400)));

    Erasure erasure = crm.privacy().erase(Person.withEmail("otto@lang.example"));
    out.println("erased: " + erasure.leads().size() + " lead, " + erasure.contacts().size() + " contact, "
        + erasure.activities() + " activity, " + erasure.feedback() + " answer, " + erasure.auditEntries()
        + " audit entries");

    List<Object> after = List.of(crm.analytics().funnel(march, ReportFilter.all()),
        crm.analytics().effectiveness(march, ReportFilter.all()),
        crm.feedback().nps(clock.instant().minusSeconds(86_400), clock.instant().plusSeconds(86_400)));
    out.println("reports unchanged: " + before.equals(after));
    String afterJson = new ObjectMapper().registerModule(new RapportModule())
        .writeValueAsString(crm.privacy().export(Person.contact(converted.contact().id())));
    out.println("after erasure the contact names Otto: " + afterJson.contains("Otto") + ", his address: "
        + afterJson.contains("otto@lang.example"));
    out.println("erased on: " + crm.privacy().erasedOn("otto@lang.example").orElseThrow());
    try {
      crm.leads().captureAll(List.of(NewLead.builder(PersonName.of("Otto", "Lang"), LeadSource.PURCHASED_LIST)
          .email("otto@lang.example").build()));
    } catch (ValidationException refused) {
      out.println("old list refused: " + refused.getMessage());
    }
    return erasure;
  }

  /** Runs the story on the console. */
  public static void main(String[] args) throws java.io.IOException {
    run(System.out);
  }
}
