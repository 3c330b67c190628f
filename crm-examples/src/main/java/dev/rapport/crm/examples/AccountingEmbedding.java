package dev.rapport.crm.examples;

import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Outcome;
import dev.rapport.crm.activity.Priority;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.campaign.ResponseStatus;
import dev.rapport.crm.feedback.NewFeedback;
import dev.rapport.crm.service.CasePriority;
import dev.rapport.crm.service.CaseStatus;
import dev.rapport.crm.service.NewCase;
import dev.rapport.crm.service.ServiceCase;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.examples.invoicing.Customer;
import dev.rapport.crm.examples.invoicing.Invoice;
import dev.rapport.crm.examples.invoicing.InvoiceLine;
import dev.rapport.crm.examples.invoicing.InvoicingLedger;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.sales.CreditHistory;
import dev.rapport.crm.sales.RepurchaseReminder;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Optional;
import dev.rapport.crm.jpa.JpaPersistence;
import dev.rapport.crm.jpa.OutboxMessage;
import dev.rapport.crm.jpa.OutboxRelay;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SourceDetail;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.opportunity.OpportunityStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;

/**
 * A small invoicing program that embeds Rapport through JPA, in its own database and its own
 * persistence unit ({@code META-INF/persistence.xml}: the host's entities plus Rapport's mapping
 * file). Web signups arrive as leads; a newsletter campaign reaches some of them; a call and a
 * meeting make one hot, with a follow-up task; the hot one is qualified and converted; its
 * opportunity is won; after the sale a service case is resolved and an NPS answer recorded; the host drains the CRM's outbox and, on a won opportunity, makes the account one of its
 * customers (linking its customer number as the account's external reference) and drafts an
 * invoice. Rapport reads the host's invoices and payments through {@link InvoicingLedger} (the
 * host's tables, not a copy): a customer who pays late shows as a late payer, and one due to
 * order again by its monthly rhythm becomes a task for its account manager.
 *
 * <p>Runs on an H2 file database under {@code target/} by default; pass a JDBC URL (and user and
 * password) to run on PostgreSQL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test postgres}.
 */
public final class AccountingEmbedding {
  private static final String TENANT = "northwind-books";
  private final EntityManagerFactory emf;
  private final Crm crm;
  private final OutboxRelay relay;
  private final PrintStream out;
  private final Map<String, Integer> eventsSeen = new TreeMap<>();

  private AccountingEmbedding(EntityManagerFactory emf, PrintStream out) {
    this.emf = emf;
    // sales history comes straight from the host's own invoice and payment tables: no copy
    this.crm = Crm.builder().persistence(JpaPersistence.create(emf)).tenant(TENANT)
        .salesLedger(new InvoicingLedger(emf, TenantId.of(TENANT))).build();
    this.relay = OutboxRelay.create(emf);
    this.out = out;
  }

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0]
        : "jdbc:h2:file:" + Path.of("target", "accounting-embedding", "invoicing").toAbsolutePath();
    String user = args.length > 1 ? args[1] : "sa";
    String password = args.length > 2 ? args[2] : "";
    run(url, user, password, System.out);
  }

  /** Migrates the database, runs the story once and prints it. */
  static Summary run(String url, String user, String password, PrintStream out) {
    migrate(url, user, password);
    Map<String, Object> jdbc = new HashMap<>();
    jdbc.put("jakarta.persistence.jdbc.url", url);
    jdbc.put("jakarta.persistence.jdbc.user", user);
    jdbc.put("jakarta.persistence.jdbc.password", password);
    EntityManagerFactory emf = Persistence.createEntityManagerFactory("invoicing", jdbc);
    try {
      return new AccountingEmbedding(emf, out).story();
    } finally {
      emf.close();
    }
  }

  /**
   * The host owns its migrations: Rapport's shipped scripts and its own, each with its own history
   * table in the one schema. A history starting in a schema that already holds the other's tables
   * is baselined at version 0, so its V1 still runs.
   */
  static void migrate(String url, String user, String password) {
    String database = url.startsWith("jdbc:postgresql:") ? "postgresql" : url.startsWith("jdbc:mariadb:") ? "mariadb" : "h2";
    Flyway.configure().dataSource(url, user, password)
        .locations("classpath:db/rapport/" + database).table("rapport_schema_history")
        .baselineOnMigrate(true).baselineVersion("0")
        .load().migrate();
    Flyway.configure().dataSource(url, user, password)
        .locations("classpath:db/invoicing").table("invoicing_schema_history")
        .baselineOnMigrate(true).baselineVersion("0")
        .load().migrate();
  }

  /** What the story left behind, for the test. */
  record Summary(ConversionResult conversion, Opportunity won, Customer customer, Invoice invoice,
      CreditHistory latePayer, RepurchaseReminder reminder, Task reminderTask, int eventsDelivered, int eventsPending) {}

  private Summary story() {
    // 0. The firm's longest-standing customer, with half a year of monthly invoices in the ledger.
    Account contoso = regularCustomer();

    // 1. Web signups arrive as leads, with the campaign they came from.
    Lead maria = signup("Maria", "Garcia", "maria.garcia@northwind-traders.example", "Northwind Traders", "spring-promo");
    Lead tom = signup("Tom", "Baker", "tom@baker-and-sons.example", "Baker & Sons", "newsletter");
    Lead li = signup("Li", "Wei", "li.wei@gmail.com", null, "spring-promo");

    // 2. The firm's newsletter campaign: Tom and Li receive it, Tom clicks through (engagement).
    Campaign newsletter = crm.campaigns().plan(NewCampaign.builder("Year-end tax newsletter", Channel.NEWSLETTER,
        LocalDate.now().withDayOfMonth(1), LocalDate.now().plusMonths(1), Money.of("300.00", "EUR")).build());
    crm.campaigns().start(newsletter.id());
    crm.campaigns().addMembers(newsletter.id(), List.of(MemberId.lead(tom.id()), MemberId.lead(li.id())));
    crm.campaigns().recordResponse(newsletter.id(), MemberId.lead(tom.id()), ResponseStatus.CLICKED);

    // Maria calls to ask for a quote (an inbound call is buying interest: she turns hot), meets
    // the firm's partner, and a follow-up task is set.
    crm.activities().log(NewActivity.builder(ActivityType.CALL, Links.lead(maria.id()), "Asked for a quote")
        .direction(Direction.INBOUND).outcome(Outcome.CONNECTED).duration(Duration.ofMinutes(9)).owner("partner").build());
    crm.activities().log(NewActivity.builder(ActivityType.MEETING, Links.lead(maria.id()), "Walk through the bookkeeping suite")
        .duration(Duration.ofMinutes(45)).owner("partner").build());
    Task quote = crm.tasks().create(NewTask.builder(Links.lead(maria.id()), "Send the quote",
        Instant.now().plus(Duration.ofDays(1))).owner("partner").priority(Priority.HIGH).build());

    // 3. Sales works the hot leads: qualify and convert, with an opportunity.
    List<Lead> hot = crm.leads().query(LeadQuery.all().withTemperatures(Set.of(Temperature.HOT))
        .withStatuses(Set.of(LeadStatus.NEW)), PageRequest.first(20)).items();
    Lead hottest = hot.get(0);
    crm.leads().changeStatus(hottest.id(), LeadStatus.QUALIFIED);
    ConversionResult conversion = crm.leads().convert(hottest.id(), Conversion.standard()
        .withOpportunity(NewOpportunity.builder("Bookkeeping suite, annual", Money.of("4800.00", "EUR"))
            .expectedCloseDate(LocalDate.now().plusMonths(1)).build()));

    // The sales manager counts the open deals expected to close within two months.
    long closingSoon = crm.opportunities().count(OpportunityQuery.all().withStatuses(Set.of(OpportunityStatus.OPEN))
        .withExpectedClose(LocalDate.now(), LocalDate.now().plusMonths(2)));

    // 4. The deal is negotiated and won.
    Opportunity deal = conversion.opportunity().orElseThrow();
    crm.tasks().complete(quote.id());
    crm.opportunities().moveToStage(deal.id(), "Proposal");
    Opportunity won = crm.opportunities().win(deal.id());

    // 5. After the sale: Maria opens a service case, support resolves it, she answers the NPS survey.
    ServiceCase kase = crm.cases().open(NewCase.builder(conversion.account().id(), "Opening balances do not import")
        .contact(conversion.contact().id()).priority(CasePriority.HIGH).owner("support").build());
    crm.cases().changeStatus(kase.id(), CaseStatus.IN_PROGRESS);
    crm.cases().resolve(kase.id(), "Imported from the old ledger's CSV export");
    crm.feedback().record(NewFeedback.nps(conversion.account().id(), conversion.contact().id(), 10)
        .aboutCase(kase.id()).comment("Patient and quick").build());

    // 6. From the host's ledger: who pays late, and who is due to order again by their own rhythm.
    crm.sales().refreshPayerClasses();
    CreditHistory latePayer = crm.sales().latePayers().get(0);
    RepurchaseReminder due = crm.sales().reminders(7).stream()
        .filter(r -> r.accountId().equals(contoso.id()) && r.productCode().isEmpty()).findFirst().orElseThrow();
    Task call = crm.sales().remind(due);

    // 7. The host drains the outbox: every event of committed work, in order, at least once.
    int delivered = 0;
    int batch;
    while ((batch = relay.deliver(100, this::handle)) > 0) {
      delivered += batch;
    }

    Account account = crm.accounts().get(conversion.account().id());
    Customer customer = inTransaction(em -> em.find(Customer.class, account.externalReference().orElseThrow()));
    Invoice invoice = inTransaction(em -> em.find(Invoice.class, won.id().toString()));
    out.printf("converted %s into %s at %s%n", hottest.name(), conversion.contact().name(), account.name());
    out.printf("pipeline: %d open deal(s) expected to close within two months%n", closingSoon);
    out.printf("won \"%s\" for %s%n", won.name(), won.amount());
    out.printf("%s's timeline as a contact: %d items, newest: %s%n", hottest.name(),
        crm.timeline().contact(conversion.contact().id(), PageRequest.first(100)).items().size(),
        crm.timeline().contact(conversion.contact().id(), PageRequest.first(1)).items().get(0).summary().orElse(""));
    out.printf("late payer: %s, %s (%d of %d invoices late, worst %d days, %s overdue)%n",
        crm.accounts().get(latePayer.accountId()).name(), latePayer.payerClass(), latePayer.paidLate() + latePayer.openLate(),
        latePayer.judged(), latePayer.worstDaysLate(), latePayer.overdue());
    out.printf("repurchase due: %s buys every %.0f days, last on %s, next expected %s -> task \"%s\" for %s%n",
        contoso.name(), due.medianDaysBetween(), due.lastPurchase(), due.expectedNext(), call.subject(),
        call.owner().orElse("nobody"));
    out.printf("outbox: %d events delivered to the host %s%n", delivered, eventsSeen);
    out.printf("host customer %s \"%s\" <-> CRM account %s (external reference %s)%n",
        customer.number, customer.name, account.id(), account.externalReference().orElseThrow());
    out.printf("host invoice %s: %s %s %s, %s%n", invoice.id, invoice.status, invoice.amount.stripTrailingZeros().toPlainString(),
        invoice.currency, invoice.description);
    return new Summary(conversion, won, customer, invoice, latePayer, due, call, delivered, relay.pending(100).size());
  }

  /**
   * Contoso Bakery, customer C-10000, with six monthly invoices of its bookkeeping subscription,
   * issued every 30 days up to a month ago and due in 14 days; it paid the first five 20 days late
   * and the last is open. Made once per database (a CRM account linked to the host's customer).
   */
  private Account regularCustomer() {
    Optional<Account> existing = crm.accounts().findByExternalReference("C-10000");
    if (existing.isPresent()) {
      return existing.get();
    }
    Account account = crm.accounts().create(NewAccount.builder("Contoso Bakery").externalReference("C-10000")
        .owner("partner").build());
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    inTransaction(em -> {
      em.persist(new Customer("C-10000", account.name(), account.id().toString()));
      for (int month = 6; month >= 1; month--) {
        String id = "INV-C10000-" + (7 - month);
        LocalDate issued = today.minusDays(30L * month);
        BigDecimal price = new BigDecimal("49.00");
        em.persist(Invoice.issued(id, "C-10000", price, "EUR", "Bookkeeping, monthly", issued, issued.plusDays(14)));
        em.flush();
        em.persist(new InvoiceLine(id, 1, "BOOKKEEPING-MONTHLY", BigDecimal.ONE, price, price));
        if (month > 1) {
          em.persist(new dev.rapport.crm.examples.invoicing.Payment("PAY-" + id, "C-10000", price, "EUR",
              issued.plusDays(34), id));
        }
      }
      return null;
    });
    return account;
  }

  private Lead signup(String given, String family, String email, String company, String campaign) {
    NewLead.Builder lead = NewLead.builder(PersonName.of(given, family), LeadSource.WEBSITE_SIGNUP)
        .email(email).sourceDetail(SourceDetail.utm("website", "signup-form", campaign));
    if (company != null) {
      lead.company(company);
    }
    return crm.leads().capture(lead.build());
  }

  /** The host's own event handling, fed by the outbox. Idempotent: a redelivered event changes nothing. */
  private void handle(OutboxMessage message) {
    eventsSeen.merge(message.eventType(), 1, Integer::sum);
    if (!message.eventType().equals("OpportunityWon")) {
      return;
    }
    Opportunity won = crm.opportunities().get(OpportunityId.of(message.aggregateId()));
    Account account = crm.accounts().get(won.accountId());
    String number = account.externalReference().orElseGet(() -> becomeCustomer(account));
    inTransaction(em -> {
      if (em.find(Invoice.class, won.id().toString()) == null) {
        em.persist(new Invoice(won.id().toString(), number, won.amount().amount(),
            won.amount().currency().getCurrencyCode(), won.name()));
      }
      return null;
    });
  }

  /** Makes the CRM account a customer of the host: a new customer number, linked both ways. */
  private String becomeCustomer(Account account) {
    String number = inTransaction(em -> {
      long count = em.createQuery("select count(c) from Customer c", Long.class).getSingleResult();
      String next = "C-" + (10000 + count);
      em.persist(new Customer(next, account.name(), account.id().toString()));
      return next;
    });
    crm.accounts().linkExternalReference(account.id(), number);
    return number;
  }

  private <T> T inTransaction(java.util.function.Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }
}
