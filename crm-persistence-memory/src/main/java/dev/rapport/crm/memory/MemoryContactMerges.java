package dev.rapport.crm.memory;

import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.FeedbackId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.TaskId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.ContactMerge;
import dev.rapport.crm.contact.ContactMergeRepository;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.lead.ConvertedTo;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.service.ServiceCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The merges of contacts of one unit of work: links re-pointed record by record through the unit's
 * buffers (so the versions rise and the commit checks them as any write), the merged contacts
 * deleted, and per merge what moved, kept for undo. The linked kinds have no index by contact: a
 * merge walks each of them once per merged contact, which costs what a scan costs.
 */
final class MemoryContactMerges implements ContactMergeRepository {
  private static final String MERGED = "merged";

  /** Merges are kept as made, then once more as undone: their version is always 0. */
  static final Kind<UUID, ContactMerge> MERGE_KIND = new Kind<>("merge", ContactMerge::id, m -> 0L,
      (m, v) -> m, ContactMerge::tenantId, UUID::fromString,
      List.of(new Kind.IndexDef<>(MERGED, m -> m.undone() ? List.of() : m.mergedIds())), Optional.empty());

  /** One link moved: the record (its key), from which contact to which. */
  record Move(String link, Object key, ContactId from, ContactId to) {}

  /** What the merge moved and the memberships it removed. */
  record Moves(UUID mergeId, TenantId tenantId, List<Move> moved, List<CampaignMember> dropped) {}

  static final Kind<UUID, Moves> MOVES_KIND = new Kind<>("merge", Moves::mergeId, m -> 0L, (m, v) -> m,
      Moves::tenantId, UUID::fromString, List.of(), Optional.empty());

  private final MemoryUnitOfWork uow;

  MemoryContactMerges(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  @Override
  public void moveLinks(UUID mergeId, ContactId from, ContactId to) {
    uow.requireOpen();
    Objects.requireNonNull(mergeId, "mergeId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    TenantStore store = uow.store();
    List<Move> moved = new ArrayList<>();
    List<CampaignMember> dropped = new ArrayList<>();
    Optional<ContactId> was = Optional.of(from);
    Optional<ContactId> now = Optional.of(to);

    for (Activity a : all(store.activities, a -> a.links().contact().equals(was))) {
      uow.buffer(store.activities).update(Components.with(a, "links", withContact(a.links(), to)));
      moved.add(new Move("activity", a.id(), from, to));
    }
    for (Task t : all(store.tasks, t -> t.links().contact().equals(was))) {
      uow.buffer(store.tasks).update(Components.with(t, "links", withContact(t.links(), to)));
      moved.add(new Move("task", t.id(), from, to));
    }
    for (ServiceCase c : all(store.cases, c -> c.contactId().equals(was))) {
      uow.buffer(store.cases).update(Components.with(c, "contactId", now));
      moved.add(new Move("case", c.id(), from, to));
    }
    for (Feedback f : all(store.feedback, f -> f.contactId().equals(from))) {
      uow.buffer(store.feedback).update(Components.with(f, "contactId", to));
      moved.add(new Move("feedback", f.id(), from, to));
    }
    for (Opportunity o : all(store.opportunities, o -> o.primaryContact().equals(was))) {
      uow.buffer(store.opportunities).update(Components.with(o, "primaryContact", now));
      moved.add(new Move("opportunity", o.id(), from, to));
    }
    Buffer<LeadId, Lead> leads = uow.buffer(store.leads);
    for (Lead l : leads.lookup(Kinds.CONVERTED_INTO, from.value())) {
      ConvertedTo c = l.convertedTo().orElseThrow();
      if (c.contactId().equals(from)) {
        leads.update(Components.with(l, "convertedTo",
            Optional.of(new ConvertedTo(to, c.accountId(), c.opportunityId(), c.convertedAt()))));
        moved.add(new Move("lead", l.id(), from, to));
      }
    }
    Buffer<MemoryCampaigns.MemberKey, CampaignMember> members = uow.buffer(store.campaignMembers);
    for (CampaignMember m : all(store.campaignMembers, m -> m.member().contact().equals(was))) {
      members.delete(m);
      if (members.find(new MemoryCampaigns.MemberKey(m.campaignId(), to.value())).isPresent()) {
        dropped.add(m);
      } else {
        members.insert(Components.with(Components.with(m, "member", MemberId.contact(to)), "version", 0L));
        moved.add(new Move("member", m.campaignId(), from, to));
      }
    }
    moveTimeline(from.value(), to.value(), moved, from, to);

    Buffer<UUID, Moves> log = uow.buffer(store.contactMergeMoves);
    Optional<Moves> before = log.find(mergeId);
    if (before.isPresent()) {
      List<Move> allMoved = new ArrayList<>(before.get().moved());
      allMoved.addAll(moved);
      List<CampaignMember> allDropped = new ArrayList<>(before.get().dropped());
      allDropped.addAll(dropped);
      log.update(new Moves(mergeId, uow.tenant(), List.copyOf(allMoved), List.copyOf(allDropped)));
    } else {
      log.insert(new Moves(mergeId, uow.tenant(), List.copyOf(moved), List.copyOf(dropped)));
    }
  }

  @Override
  public void moveBack(UUID mergeId) {
    uow.requireOpen();
    Objects.requireNonNull(mergeId, "mergeId");
    TenantStore store = uow.store();
    Optional<Moves> found = uow.buffer(store.contactMergeMoves).find(mergeId);
    if (found.isEmpty()) {
      return;
    }
    for (Move m : found.get().moved()) {
      Optional<ContactId> back = Optional.of(m.from());
      switch (m.link()) {
        case "activity" -> update(store.activities, (ActivityId) m.key(),
            a -> Components.with(a, "links", withContact(a.links(), m.from())));
        case "task" -> update(store.tasks, (TaskId) m.key(),
            t -> Components.with(t, "links", withContact(t.links(), m.from())));
        case "case" -> update(store.cases, (CaseId) m.key(), c -> Components.with(c, "contactId", back));
        case "feedback" -> update(store.feedback, (FeedbackId) m.key(), f -> Components.with(f, "contactId", m.from()));
        case "opportunity" -> update(store.opportunities, (OpportunityId) m.key(),
            o -> Components.with(o, "primaryContact", back));
        case "lead" -> update(store.leads, (LeadId) m.key(), l -> {
          ConvertedTo c = l.convertedTo().orElseThrow();
          return Components.with(l, "convertedTo",
              Optional.of(new ConvertedTo(m.from(), c.accountId(), c.opportunityId(), c.convertedAt())));
        });
        case "member" -> {
          Buffer<MemoryCampaigns.MemberKey, CampaignMember> members = uow.buffer(store.campaignMembers);
          members.find(new MemoryCampaigns.MemberKey((CampaignId) m.key(), m.to().value())).ifPresent(current -> {
            members.delete(current);
            members.insert(Components.with(Components.with(current, "member", MemberId.contact(m.from())),
                "version", 0L));
          });
        }
        case "timeline" -> {
          Buffer<UUID, TimelineEntry> byId = uow.buffer(store.timelineById);
          byId.find((UUID) m.key()).ifPresent(e -> {
            TimelineEntry back2 = Components.with(e, "subjectId", m.from().value());
            byId.update(back2);
            uow.buffer(store.timeline).update(back2);
          });
        }
        default -> throw new IllegalStateException("unknown link " + m.link());
      }
    }
    Buffer<MemoryCampaigns.MemberKey, CampaignMember> members = uow.buffer(store.campaignMembers);
    for (CampaignMember m : found.get().dropped()) {
      members.insert(Components.with(m, "version", 0L));
    }
  }

  @Override
  public void delete(Contact contact) {
    uow.requireOpen();
    Objects.requireNonNull(contact, "contact");
    uow.buffer(uow.store().contacts).delete(contact);
  }

  @Override
  public void save(ContactMerge merge) {
    uow.requireOpen();
    Objects.requireNonNull(merge, "merge");
    Buffer<UUID, ContactMerge> merges = uow.buffer(uow.store().contactMerges);
    if (merges.find(merge.id()).isPresent()) {
      merges.update(merge);
    } else {
      merges.insert(merge);
    }
  }

  @Override
  public Optional<ContactMerge> find(UUID mergeId) {
    uow.requireOpen();
    Objects.requireNonNull(mergeId, "mergeId");
    return uow.buffer(uow.store().contactMerges).find(mergeId);
  }

  @Override
  public Optional<ContactMerge> findByMerged(ContactId merged) {
    uow.requireOpen();
    Objects.requireNonNull(merged, "merged");
    return uow.buffer(uow.store().contactMerges).lookup(MERGED, merged).stream().findFirst();
  }

  private void moveTimeline(UUID from, UUID to, List<Move> moved, ContactId fromId, ContactId toId) {
    TenantStore store = uow.store();
    Buffer<MemoryTimeline.Key, TimelineEntry> byTime = uow.buffer(store.timeline);
    Buffer<UUID, TimelineEntry> byId = uow.buffer(store.timelineById);
    for (TimelineEntry e : byTime.lookup(Kinds.SUBJECT, from)) {
      TimelineEntry next = Components.with(e, "subjectId", to);
      byTime.update(next);
      byId.update(next);
      moved.add(new Move("timeline", e.id(), fromId, toId));
    }
  }

  private <I extends Comparable<I>, R> List<R> all(Table<I, R> table, Predicate<R> filter) {
    List<R> found = new ArrayList<>();
    uow.buffer(table).forEach(List.of(), filter, found::add);
    return found;
  }

  private <I extends Comparable<I>, R extends Record> void update(Table<I, R> table, I id, Function<R, R> change) {
    Buffer<I, R> buffer = uow.buffer(table);
    buffer.find(id).ifPresent(r -> buffer.update(change.apply(r)));
  }

  private static Links withContact(Links links, ContactId contact) {
    return new Links(links.lead(), Optional.of(contact), links.account(), links.opportunity());
  }
}
