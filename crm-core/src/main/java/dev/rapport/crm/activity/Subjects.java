package dev.rapport.crm.activity;

import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.activity.TimelineItem.Kind;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Checks that linked records exist, and files activities and tasks in the timeline index. */
final class Subjects {
  private Subjects() {}

  /** @throws NotFoundException naming the first linked record the tenant does not have */
  static void requireExisting(UnitOfWork uow, Links links) {
    if (links.lead().isPresent() && uow.port(LeadRepository.class).find(links.lead().get()).isEmpty()) {
      throw new NotFoundException("lead", links.lead().get());
    }
    if (links.contact().isPresent() && uow.port(ContactRepository.class).find(links.contact().get()).isEmpty()) {
      throw new NotFoundException("contact", links.contact().get());
    }
    if (links.account().isPresent() && uow.port(AccountRepository.class).find(links.account().get()).isEmpty()) {
      throw new NotFoundException("account", links.account().get());
    }
    if (links.opportunity().isPresent() && uow.port(OpportunityRepository.class).find(links.opportunity().get()).isEmpty()) {
      throw new NotFoundException("opportunity", links.opportunity().get());
    }
  }

  /** Files an activity or task under each of its links. */
  static void file(CrmContext ctx, UnitOfWork uow, Kind kind, UUID ref, Links links, Instant at) {
    TenantId tenant = ctx.tenant();
    List<TimelineEntry> entries = new ArrayList<>(4);
    for (UUID subject : links.subjects()) {
      entries.add(new TimelineEntry(ctx.ids().next(), tenant, subject, at, kind, Optional.of(ref),
          Optional.empty(), Optional.empty()));
    }
    uow.port(TimelineRepository.class).add(entries);
  }
}
