package dev.rapport.crm.privacy;

import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.Check;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an erasure changed ({@link PrivacyService#erase}): the leads and contacts it anonymised and
 * how many other records it cleared of the person. Holds no personal data. An erasure of a person
 * erased before changes nothing and says so ({@link #changedNothing()}).
 *
 * @param id the erasure's id (also in its {@link PersonErased} event and erased marker)
 * @param tenantId the tenant
 * @param erasedAt when, by the {@code Crm}'s clock
 * @param leads the leads anonymised (they stay, for the counts the reports need)
 * @param contacts the contacts anonymised
 * @param activities activities whose subject and text were cleared
 * @param tasks tasks whose subject and description were cleared
 * @param mails logged messages whose subject, text, attachments and the person's addresses were cleared
 * @param cases service cases whose subject, description and resolution were cleared
 * @param feedback feedback answers whose comment was cleared (the scores stay)
 * @param historyLines timeline lines that named the person, rewritten
 * @param merges records of merges of the person's records, forgotten (they held copies)
 * @param outboxRows outbox rows (delivered or not) cleared of the person's data
 * @param suppressions suppressions of the person's addresses removed (the erased marker keeps them out)
 * @param auditEntries audit trail entries whose values named the person, cleared
 */
public record Erasure(UUID id, TenantId tenantId, Instant erasedAt, List<LeadId> leads, List<ContactId> contacts,
    int activities, int tasks, int mails, int cases, int feedback, int historyLines, int merges, int outboxRows,
    int suppressions, int auditEntries) {

  /** @throws dev.rapport.crm.exception.ValidationException if a part is null or a count negative */
  public Erasure {
    Check.notNull(id, "id");
    Check.notNull(tenantId, "tenantId");
    erasedAt = Check.instant(erasedAt, "erasedAt");
    leads = List.copyOf(Check.notNull(leads, "leads"));
    contacts = List.copyOf(Check.notNull(contacts, "contacts"));
    for (int n : new int[] {activities, tasks, mails, cases, feedback, historyLines, merges, outboxRows, suppressions,
        auditEntries}) {
      Check.notNegative(n, "count");
    }
  }

  /** Whether the erasure found nothing left to clear: the person was erased before. */
  public boolean changedNothing() {
    return leads.isEmpty() && contacts.isEmpty() && activities + tasks + mails + cases + feedback + historyLines
        + merges + outboxRows + suppressions + auditEntries == 0;
  }
}
