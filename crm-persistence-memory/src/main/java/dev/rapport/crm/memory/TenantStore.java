package dev.rapport.crm.memory;

import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.TaskId;
import java.util.UUID;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.opportunity.Opportunity;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Everything one tenant has committed, and the lock that guards it: reads take the read lock for
 * the length of one repository call, a commit takes the write lock while it checks and applies.
 */
final class TenantStore {
  final TenantId tenant;
  final ReadWriteLock lock = new ReentrantReadWriteLock();
  final Table<LeadId, Lead> leads = new Table<>(MemoryLeads.KIND);
  final Table<ContactId, Contact> contacts = new Table<>(MemoryContacts.KIND);
  final Table<AccountId, Account> accounts = new Table<>(MemoryAccounts.KIND);
  final Table<OpportunityId, Opportunity> opportunities = new Table<>(MemoryOpportunities.KIND);
  final Table<dev.rapport.crm.common.CampaignId, dev.rapport.crm.campaign.Campaign> campaigns = new Table<>(MemoryCampaigns.KIND);
  final Table<MemoryCampaigns.MemberKey, dev.rapport.crm.campaign.CampaignMember> campaignMembers = new Table<>(MemoryCampaigns.MEMBER_KIND);
  final Table<ActivityId, Activity> activities = new Table<>(MemoryActivities.KIND);
  final Table<dev.rapport.crm.common.MailId, dev.rapport.crm.mail.LoggedMail> mails = new Table<>(MemoryMails.KIND);
  final Table<UUID, dev.rapport.crm.mail.MailSuppression> mailSuppressions = new Table<>(MemoryMails.SUPPRESSION_KIND);
  final Table<TaskId, Task> tasks = new Table<>(MemoryTasks.KIND);
  final Table<MemoryTimeline.Key, TimelineEntry> timeline = new Table<>(MemoryTimeline.BY_TIME);
  final Table<UUID, TimelineEntry> timelineById = new Table<>(MemoryTimeline.BY_ID);
  final Table<dev.rapport.crm.common.CaseId, dev.rapport.crm.service.ServiceCase> cases = new Table<>(MemoryCases.KIND);
  final Table<dev.rapport.crm.common.FeedbackId, dev.rapport.crm.feedback.Feedback> feedback = new Table<>(MemoryFeedback.KIND);
  final Table<UUID, dev.rapport.crm.contact.Merge> merges = new Table<>(MemoryMerges.MERGE_KIND);
  final Table<UUID, MemoryMerges.Moves> mergeMoves = new Table<>(MemoryMerges.MOVES_KIND);
  final Table<String, MemoryPrivacy.Marker> erasureMarkers = new Table<>(MemoryPrivacy.MARKER_KIND);
  final Table<UUID, dev.rapport.crm.audit.AuditEntry> audit = new Table<>(MemoryAudit.KIND);
  final Table<String, MemoryCustomFields.Row> customFields = new Table<>(MemoryCustomFields.KIND);
  final Table<String, MemoryServiceLevels.PolicyRow> servicePolicies = new Table<>(MemoryServiceLevels.POLICY_KIND);
  final Table<dev.rapport.crm.common.AccountId, MemoryServiceLevels.TierRow> accountTiers =
      new Table<>(MemoryServiceLevels.TIER_KIND);

  final Table<String, MemorySales.BalanceRow> balances;
  /** The columnar side index of the sales, payments and balances below, kept as they are put. */
  final SalesColumns salesColumns;
  final Table<dev.rapport.crm.common.SaleId, dev.rapport.crm.sales.Sale> sales;
  final Table<dev.rapport.crm.common.PaymentId, dev.rapport.crm.sales.Payment> payments;
  final Table<dev.rapport.crm.common.AccountId, MemorySales.Standing> payerClasses = new Table<>(MemorySales.STANDING_KIND);

  TenantStore(TenantId tenant) {
    this.tenant = tenant;
    SalesColumns[] columns = new SalesColumns[1];
    balances = new Table<>(MemorySales.BALANCE_KIND, (old, row) -> columns[0].putBalance(row.reference(), row.balance()));
    columns[0] = new SalesColumns(reference -> java.util.Optional.ofNullable(balances.get(reference))
        .map(MemorySales.BalanceRow::balance));
    salesColumns = columns[0];
    sales = new Table<>(MemorySales.KIND, salesColumns::putSale, salesColumns::removed);
    payments = new Table<>(MemorySales.PAYMENT_KIND, salesColumns::putPayment, salesColumns::removed);
  }
}
