package dev.rapport.crm.examples;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.common.BusinessCalendar;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.field.CustomField;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.field.RecordKind;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.service.CasePriority;
import dev.rapport.crm.service.CaseQuery;
import dev.rapport.crm.service.CaseStatus;
import dev.rapport.crm.service.NewCase;
import dev.rapport.crm.service.ServiceCase;
import dev.rapport.crm.servicelevel.CaseServiceLevel;
import dev.rapport.crm.servicelevel.Retiered;
import dev.rapport.crm.servicelevel.ServiceLevelReport;
import dev.rapport.crm.servicelevel.ServicePolicy;
import dev.rapport.crm.servicelevel.ServiceTarget;
import dev.rapport.crm.servicelevel.ServiceTier;
import dev.rapport.crm.servicelevel.TierRule;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A wholesaler makes sure its best customers are served first: its biggest customer by revenue,
 * and the accounts it flags by hand, are Gold (answered within 1 business hour, resolved within 8,
 * at least HIGH); everyone else is Standard. Business hours are Berlin's, Monday to Friday 8 to 17,
 * Easter off. A Gold customer's question overtakes an older Standard one in the queue, the clock
 * stops while the customer is asked for details, an overdue case raises an alert once, and the
 * month's report shows whether Gold really got the better service.
 *
 * <pre>{@code ./mvnw -q -pl crm-examples -am -DskipTests package exec:java -Dexec.mainClass=dev.rapport.crm.examples.ServeTheBestFirst}</pre>
 */
public final class ServeTheBestFirst {
  private ServeTheBestFirst() {}

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Runs the story, printing what happens. */
  static void run(PrintStream out) {
    TestClock clock = TestClock.at(at("2026-03-02T08:00"));
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("wholesaler").clock(clock).build();
    crm.customFields().define(CustomField.of(RecordKind.ACCOUNT, "key_account", "Key account", FieldType.BOOLEAN));
    Account bakery = crm.accounts().create(NewAccount.builder("Bäckerei Schmidt").build());
    Account hotel = crm.accounts().create(NewAccount.builder("Hotel Adler").fields(CustomFields.empty()
        .with("key_account", FieldValue.bool(true))).build());
    Account kiosk = crm.accounts().create(NewAccount.builder("Kiosk am Eck").build());
    crm.sales().record(NewSale.invoice("INV-1", bakery.id(), LocalDate.of(2026, 2, 10), "EUR")
        .line("FLOUR-25", "400", "18.50").build());
    crm.sales().record(NewSale.invoice("INV-2", kiosk.id(), LocalDate.of(2026, 2, 12), "EUR")
        .line("FLOUR-25", "2", "18.50").build());

    BusinessCalendar hours = BusinessCalendar.weekdays(BERLIN, LocalTime.of(8, 0), LocalTime.of(17, 0))
        .withHoliday(new BusinessCalendar.Holiday(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), "Easter"));
    ServiceTier gold = ServiceTier.named("Gold", ServiceTarget.hours(1, 8))
        .when(TierRule.bestCustomers(1))
        .when(TierRule.flag("key_account", FieldValue.bool(true)))
        .atLeast(CasePriority.HIGH);
    ServiceTier standard = ServiceTier.named("Standard", ServiceTarget.hours(8, 24))
        .withTarget(CasePriority.URGENT, ServiceTarget.hours(2, 8));
    crm.serviceLevels().define(ServicePolicy.of(hours, gold, standard));

    // the host schedules the re-tiering (nightly, say); here, batches of 2 until the run is done
    Retiered r;
    do {
      r = crm.serviceLevels().retier(2);
      r.changes().forEach(c -> out.println("tier: " + name(crm, c.accountId()) + " -> " + c.to()));
    } while (!r.done());

    // Monday morning: the kiosk asks first, the bakery (Gold) second
    clock.set(at("2026-03-02T09:00"));
    ServiceCase kioskCase = crm.cases().open(NewCase.builder(kiosk.id(), "Delivery note missing").build());
    clock.set(at("2026-03-02T09:20"));
    ServiceCase bakeryCase = crm.cases().open(NewCase.builder(bakery.id(), "Wrong flour delivered").build());
    out.println("bakery's case opened at " + bakeryCase.priority() + ", due " + local(bakeryCase.dueAt().orElseThrow()));
    for (ServiceCase c : crm.cases().query(CaseQuery.allOpen().orderedBy(CaseQuery.Order.DUE), PageRequest.first(10)).items()) {
      out.println("queue: " + c.subject() + " (" + c.level().orElseThrow().tier() + "), due " + local(c.dueAt().orElseThrow()));
    }

    // the bakery is asked for the batch number at 10:00; nobody has answered the kiosk yet
    clock.set(at("2026-03-02T10:00"));
    crm.cases().changeStatus(bakeryCase.id(), CaseStatus.WAITING_ON_CUSTOMER);
    // the refresh, scheduled by the host every few minutes, raises each alert once
    clock.set(at("2026-03-02T16:00"));
    crm.cases().refreshServiceLevels().forEach(e -> out.println("alert at 16:00: " + describe(crm, e)));
    // the bakery answers the next morning at 9:00: its clock runs again
    clock.set(at("2026-03-03T09:00"));
    ServiceCase back = crm.cases().changeStatus(bakeryCase.id(), CaseStatus.IN_PROGRESS);
    out.println("bakery's case waited " + back.level().orElseThrow().paused().toHours()
        + " business hours; resolution now due " + local(back.dueAt().orElseThrow()));
    crm.cases().refreshServiceLevels().forEach(e -> out.println("alert at 9:00: " + describe(crm, e)));
    out.println("alerts on a second refresh: " + crm.cases().refreshServiceLevels().size());
    crm.cases().recordFirstResponse(kioskCase.id());
    CaseServiceLevel k = crm.serviceLevels().of(kioskCase.id()).orElseThrow();
    out.println("kiosk's response: " + k.response().state() + " after " + k.response().used().toHours() + " business hours");
    clock.set(at("2026-03-03T11:00"));
    crm.cases().resolve(bakeryCase.id(), "Replaced the flour");

    clock.set(at("2026-04-01T12:00"));
    ServiceLevelReport report = crm.serviceLevels().report(Period.month(YearMonth.of(2026, 3)));
    for (ServiceLevelReport.Row row : report.byTier()) {
      out.println("report " + row.key() + ": opened " + row.opened() + ", answered in target "
          + row.responseInTargetPercent().map(p -> p + " %").orElse("-") + ", resolved in target "
          + row.resolutionInTargetPercent().map(p -> p + " %").orElse("-") + ", median response "
          + row.medianResponse().map(d -> d.toMinutes() + " min").orElse("-"));
    }
  }

  private static java.time.Instant at(String berlin) {
    return LocalDateTime.parse(berlin).atZone(BERLIN).toInstant();
  }

  private static String local(java.time.Instant t) {
    return t.atZone(BERLIN).toLocalDateTime().toString().replace('T', ' ');
  }

  private static String describe(Crm crm, CrmEvent e) {
    if (e instanceof dev.rapport.crm.service.CaseTargetAtRisk a) {
      return a.target() + " at risk for " + crm.cases().get(a.caseId()).subject();
    }
    if (e instanceof dev.rapport.crm.service.CaseTargetBreached b) {
      return b.target() + " overdue for " + crm.cases().get(b.caseId()).subject();
    }
    return e.toString();
  }

  private static String name(Crm crm, dev.rapport.crm.common.AccountId id) {
    return crm.accounts().get(id).name();
  }

  /** Runs the story on the console. */
  public static void main(String[] args) {
    run(System.out);
  }
}
