package dev.rapport.crm.tck;

import dev.rapport.crm.sales.SalesReports;
import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.activity.ActivityRepository;
import dev.rapport.crm.campaign.CampaignRepository;
import dev.rapport.crm.service.CaseRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.feedback.FeedbackRepository;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import dev.rapport.crm.sales.SalesRepository;
import dev.rapport.crm.activity.TaskRepository;
import dev.rapport.crm.activity.TimelineRepository;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.service.ServiceCase;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.sales.PayerClass;
import dev.rapport.crm.sales.Payment;
import dev.rapport.crm.sales.Sale;
import dev.rapport.crm.sales.SalesReports.CreditRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything one tenant has stored, read through the SPI in one unit of work: every page of its
 * leads, contacts, accounts and opportunities, in id order. Records are values, so two snapshots
 * are equal exactly when the tenant's store holds the same records at the same versions: compare
 * a snapshot taken before a rejected command with one taken after to prove nothing changed.
 *
 * @param leads every lead, in id order
 * @param contacts every contact, in id order
 * @param accounts every account, in id order
 * @param opportunities every opportunity, in id order
 * @param campaigns every campaign, in id order
 * @param campaignMembers every member of every campaign, by campaign in id order, then in the
 *     adapter's member order
 * @param activities every activity, in id order
 * @param tasks every task, in id order
 * @param timeline every timeline index entry, in id order
 * @param cases every service case, in id order
 * @param feedback every feedback answer, in id order
 * @param sales every sale and credit note, in id order
 * @param payments every payment, in id order
 * @param payerClasses the payer class given to each account
 * @param credit the credit figures of every account as of {@link #CREDIT_AS_OF}, sorted by account
 *     and currency: they show the invoices' balances, which the SPI keeps but does not return
 * @param mails the logged messages
 * @param mailSuppressions the addresses campaign mail no longer goes to
 * @param customFields the tenant's custom field definitions
 * @param servicePolicy the tenant's service policy and where its re-tiering run stands, if any
 * @param tiers the service tier each account was last given
 */
public record StoreSnapshot(List<Lead> leads, List<Contact> contacts, List<Account> accounts,
    List<Opportunity> opportunities, List<Campaign> campaigns, List<CampaignMember> campaignMembers,
    List<Activity> activities, List<Task> tasks, List<TimelineEntry> timeline, List<ServiceCase> cases, List<Feedback> feedback,
    List<Sale> sales, List<Payment> payments, Map<AccountId, PayerClass> payerClasses, List<CreditRow> credit,
    List<dev.rapport.crm.mail.LoggedMail> mails, List<dev.rapport.crm.mail.MailSuppression> mailSuppressions,
    List<dev.rapport.crm.field.CustomField> customFields,
    Optional<dev.rapport.crm.servicelevel.ServiceLevelRepository.State> servicePolicy, Map<AccountId, String> tiers) {

  /** The day the credit figures of a snapshot are as of. */
  public static final LocalDate CREDIT_AS_OF = LocalDate.of(2030, 1, 1);

  /** Page size used while reading; small, so that paging itself is exercised. */
  private static final int PAGE = 7;

  /** @throws NullPointerException if a list is null */
  public StoreSnapshot {
    leads = List.copyOf(leads);
    contacts = List.copyOf(contacts);
    accounts = List.copyOf(accounts);
    opportunities = List.copyOf(opportunities);
    campaigns = List.copyOf(campaigns);
    campaignMembers = List.copyOf(campaignMembers);
    activities = List.copyOf(activities);
    tasks = List.copyOf(tasks);
    timeline = List.copyOf(timeline);
    cases = List.copyOf(cases);
    feedback = List.copyOf(feedback);
    sales = List.copyOf(sales);
    payments = List.copyOf(payments);
    payerClasses = Map.copyOf(payerClasses);
    credit = List.copyOf(credit);
    customFields = List.copyOf(customFields);
    tiers = Map.copyOf(tiers);
  }

  /**
   * Reads everything the tenant has stored.
   *
   * @throws NullPointerException if an argument is null
   */
  public static StoreSnapshot capture(Persistence persistence, TenantId tenant) {
    return persistence.inUnitOfWork(tenant, uow -> {
      List<Campaign> campaigns = all(p -> uow.port(CampaignRepository.class).list(p));
      List<CampaignMember> members = new ArrayList<>();
      for (Campaign c : campaigns) {
        members.addAll(all(p -> uow.port(CampaignRepository.class).members(c.id(), p), PageRequest.MAX_SIZE));
      }
      return new StoreSnapshot(
          all(p -> uow.port(LeadRepository.class).query(LeadQuery.all(), p)),
          all(p -> uow.port(ContactRepository.class).list(p)),
          all(p -> uow.port(AccountRepository.class).list(p)),
          all(p -> uow.port(OpportunityRepository.class).query(OpportunityQuery.all(), p)),
          campaigns, members,
          all(p -> uow.port(ActivityRepository.class).list(p)),
          all(p -> uow.port(TaskRepository.class).list(p)),
          all(p -> uow.port(TimelineRepository.class).list(p)),

          all(p -> uow.port(CaseRepository.class).list(p)),
          all(p -> uow.port(FeedbackRepository.class).list(p)),
          all(p -> uow.port(SalesRepository.class).list(Optional.empty(), p)),
          all(p -> uow.port(SalesRepository.class).payments(Optional.empty(), p)),
          uow.port(SalesRepository.class).payerClasses(),
          uow.port(SalesReports.class).credit(Optional.empty(), CREDIT_AS_OF, 0).stream()
              .sorted(Comparator.comparing(CreditRow::accountId).thenComparing(r -> r.currency().getCurrencyCode()))
              .map(StoreSnapshot::canonical).toList(),
          all(p -> uow.port(dev.rapport.crm.mail.MailRepository.class).list(p)),
          all(p -> uow.port(dev.rapport.crm.mail.MailRepository.class).suppressions(p)),
          uow.port(dev.rapport.crm.field.CustomFieldRepository.class).all(),
          uow.port(dev.rapport.crm.servicelevel.ServiceLevelRepository.class).state(),
          uow.port(dev.rapport.crm.servicelevel.ServiceLevelRepository.class).tiers(
              StoreSnapshot.<Account>all(p -> uow.port(AccountRepository.class).list(p)).stream().map(Account::id).toList()));
    });
  }

  /** Every item of every page, following the cursors from the first page. */
  static <T> List<T> all(Function<PageRequest, Page<T>> query) {
    return all(query, PAGE);
  }

  /** Every item of every page of the given size, following the cursors from the first page. */
  static <T> List<T> all(Function<PageRequest, Page<T>> query, int size) {
    List<T> items = new ArrayList<>();
    Optional<PageRequest> next = Optional.of(PageRequest.first(size));
    int guard = 0;
    while (next.isPresent()) {
      Page<T> page = query.apply(next.get());
      items.addAll(page.items());
      next = next.get().next(page);
      if (++guard > 100_000) {
        throw new AssertionError("paging does not end: the cursor never runs out");
      }
    }
    return items;
  }

  /** How many records of every kind the snapshot holds. */
  public int size() {
    return leads.size() + contacts.size() + accounts.size() + opportunities.size() + campaigns.size()
        + campaignMembers.size()
        + activities.size() + tasks.size() + timeline.size()
        + cases.size() + feedback.size() + sales.size() + payments.size() + payerClasses.size();
  }

  /** The row with its amounts stripped of trailing zeros, so that 1.50 from one store equals 1.5 from another. */
  private static CreditRow canonical(CreditRow r) {
    return new CreditRow(r.accountId(), r.currency(), r.onTime(), r.paidLate(), r.openLate(), r.daysLate(),
        r.worstDaysLate(), r.outstanding().stripTrailingZeros(), r.overdue().stripTrailingZeros(),
        r.unapplied().stripTrailingZeros());
  }
}
