package dev.rapport.crm.memory;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.Temperature;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Records for the memory-specific tests. */
final class Samples {
  private Samples() {}

  static Lead lead(TenantId tenant, Instant t) {
    return new Lead(LeadId.of(UUID.randomUUID()), tenant, 0, PersonName.of("S"), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), LeadSource.OTHER, Optional.empty(),
        LeadStatus.NEW, Optional.empty(), List.of(), Temperature.COLD, Optional.empty(),
        Optional.empty(), 0, t, t, Optional.empty());
  }

  static Account account(TenantId tenant, Instant t, String name, String ref) {
    return new Account(AccountId.of(UUID.randomUUID()), tenant, 0, name, Optional.empty(),
        Optional.ofNullable(ref), Optional.empty(), Optional.empty(), t, t, dev.rapport.crm.field.CustomFields.empty());
  }
}
