package dev.rapport.crm;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.field.CustomFieldRepository;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.RecordKind;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.internal.context.FieldKeys;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import dev.rapport.crm.service.CaseRepository;

/**
 * A custom field's key renamed on the records that have a value of it: each record of the kind
 * that holds the old key is stored with the value under the new one (its version moves on, its
 * last change does not: the record's data is the same).
 */
final class FieldRenames implements FieldKeys {
  @Override
  public int move(CrmContext.Command cmd, String kind, String from, String to) {
    RecordKind k = RecordKind.valueOf(kind);
    int moved = 0;
    for (CustomFieldRepository.Holder h : cmd.uow().port(CustomFieldRepository.class).holding(k, from)) {
      CustomFields next = h.fields().without(from).with(to, h.fields().get(from).orElseThrow());
      switch (k) {
        case LEAD -> {
          LeadRepository r = cmd.uow().port(LeadRepository.class);
          r.find(LeadId.of(h.id())).ifPresent(l -> r.update(l.withFieldsMoved(next)));
        }
        case CONTACT -> {
          ContactRepository r = cmd.uow().port(ContactRepository.class);
          r.find(ContactId.of(h.id())).ifPresent(c -> r.update(c.withFields(next, c.updatedAt())));
        }
        case ACCOUNT -> {
          AccountRepository r = cmd.uow().port(AccountRepository.class);
          r.find(AccountId.of(h.id())).ifPresent(a -> r.update(a.withFields(next, a.updatedAt())));
        }
        case OPPORTUNITY -> {
          OpportunityRepository r = cmd.uow().port(OpportunityRepository.class);
          r.find(OpportunityId.of(h.id())).ifPresent(o -> r.update(o.withFields(next, o.updatedAt())));
        }
        case CASE -> {
          CaseRepository r = cmd.uow().port(CaseRepository.class);
          r.find(CaseId.of(h.id())).ifPresent(c -> r.update(c.withFields(next, c.updatedAt())));
        }
      }
      moved++;
    }
    return moved;
  }
}
