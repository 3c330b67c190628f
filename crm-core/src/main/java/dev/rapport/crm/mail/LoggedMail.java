package dev.rapport.crm.mail;

import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.MailId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A message the CRM has logged: the message, its thread, its direction, the leads, contacts and
 * accounts it is linked to, and the e-mail activity that shows it in their timelines. An immutable
 * value; adapters rebuild stored ones with the canonical constructor.
 *
 * @param id the logged message's id
 * @param tenantId the tenant
 * @param version how many times it has been stored (0 before the first save)
 * @param message the message as it came
 * @param threadId the id of the first logged message of its thread (its own id when it starts one)
 * @param direction inbound (from someone else) or outbound (from one of the tenant's own addresses)
 * @param leads the leads it is linked to, by their addresses among the message's
 * @param contacts the contacts it is linked to
 * @param accounts the accounts of those contacts
 * @param activity the e-mail activity logged for it
 * @param loggedAt when it was logged
 * @param campaign the campaign it was sent for ({@link MailService#sendCampaign}), if any: a reply to
 *     it is the member's response, a bounce of it marks the member bounced
 */
public record LoggedMail(MailId id, TenantId tenantId, long version, MailMessage message, MailId threadId,
    Direction direction, List<LeadId> leads, List<ContactId> contacts, List<AccountId> accounts,
    ActivityId activity, Instant loggedAt, Optional<CampaignId> campaign) {

  /** @throws ValidationException if a part is null or it is linked to nobody */
  public LoggedMail {
    Check.notNull(id, "id");
    Check.notNull(tenantId, "tenantId");
    Check.notNegative(version, "version");
    Check.notNull(message, "mail.message");
    Check.notNull(threadId, "mail.threadId");
    Check.notNull(direction, "mail.direction");
    leads = List.copyOf(Check.noNulls(leads, "mail.leads"));
    contacts = List.copyOf(Check.noNulls(contacts, "mail.contacts"));
    accounts = List.copyOf(Check.noNulls(accounts, "mail.accounts"));
    if (leads.isEmpty() && contacts.isEmpty() && accounts.isEmpty()) {
      throw new ValidationException("mail.leads", "must name at least one lead, contact or account");
    }
    Check.notNull(activity, "mail.activity");
    loggedAt = Check.instant(loggedAt, "mail.loggedAt");
    Check.notNull(campaign, "mail.campaign");
  }
}
