package dev.rapport.crm.memory;

import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.Links;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.FeedbackId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.PaymentId;
import dev.rapport.crm.common.SaleId;
import dev.rapport.crm.common.TaskId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.Merge;
import dev.rapport.crm.contact.MergeRepository;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.lead.ConvertedTo;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.Payment;
import dev.rapport.crm.sales.Sale;
import dev.rapport.crm.service.ServiceCase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The merges of contacts and accounts of one unit of work: links re-pointed record by record
 * through the unit's buffers (so the versions rise and the commit checks them as any write), the
 * merged records deleted, and per merge what moved, kept for undo. Most linked kinds have no index
 * by contact or account: a merge walks each of them once per merged record, which costs a scan.
 */
final class MemoryMerges implements MergeRepository {
  private static final String MERGED = "merged";
  private static final String REFERENCE = "reference";

  /** Merges are kept as made, then once more as undone: their version is always 0. */
  static final Kind<UUID, Merge> MERGE_KIND = new Kind<>("merge", Merge::id, m -> 0L,
      (m, v) -> m, Merge::tenantId, UUID::fromString,
      List.of(new Kind.IndexDef<>(MERGED, m -> m.undone() ? List.of() : m.mergedKeys()),
          new Kind.IndexDef<>(REFERENCE, m -> m.undone() ? List.of() : m.mergedReferences())), Optional.empty());

  /** One link moved: the record (its key), from which contact or account to which. */
  record Move(String link, Object key, UUID from, UUID to) {}

  /** What the merge moved, and the memberships and payer classes it removed. */
  record Moves(UUID mergeId, TenantId tenantId, List<Move> moved, List<CampaignMember> dropped,
      List<MemorySales.Standing> droppedClasses) {}

  static final Kind<UUID, Moves> MOVES_KIND = new Kind<>("merge", Moves::mergeId, m -> 0L, (m, v) -> m,
      Moves::tenantId, UUID::fromString, List.of(), Optional.empty());

  // copiers of the linked records, looked up once: constants, not state
  private static final Components<Activity> ACTIVITY = Components.of(Activity.class);
  private static final Components<Task> TASK = Components.of(Task.class);
  private static final Components<ServiceCase> CASE = Components.of(ServiceCase.class);
  private static final Components<Feedback> FEEDBACK = Components.of(Feedback.class);
  private static final Components<Opportunity> OPPORTUNITY = Components.of(Opportunity.class);
  private static final Components<Lead> LEAD = Components.of(Lead.class);
  private static final Components<Sale> SALE = Components.of(Sale.class);
  private static final Components<Payment> PAYMENT = Components.of(Payment.class);
  private static final Components<TimelineEntry> ENTRY = Components.of(TimelineEntry.class);
  private static final Components<CampaignMember> MEMBER = Components.of(CampaignMember.class);
  private static final Components<Contact> CONTACT = Components.of(Contact.class);
  private static final Components<Account> ACCOUNT = Components.of(Account.class);
  private static final Components<NewSale> NEW_SALE = Components.of(NewSale.class);
  private static final Components<NewPayment> NEW_PAYMENT = Components.of(NewPayment.class);

  private final MemoryUnitOfWork uow;

  MemoryMerges(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  @Override
  public Map<String, Long> linksTo(Merge.Kind kind, UUID record) {
    uow.requireOpen();
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(record, "record");
    List<Link<?, ?>> links = switch (kind) {
      case CONTACT -> contactLinks();
      case ACCOUNT -> accountLinks();
      case LEAD -> leadLinks();
    };
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    for (Link<?, ?> link : links) {
      long n = link.count(record);
      if (n > 0) {
        counts.put(link.name, n);
      }
    }
    return counts;
  }

  @Override
  public void moveLinks(UUID mergeId, Merge.Kind kind, UUID from, UUID to) {
    uow.requireOpen();
    Objects.requireNonNull(mergeId, "mergeId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    List<Move> moved = new ArrayList<>();
    List<CampaignMember> dropped = new ArrayList<>();
    List<MemorySales.Standing> droppedClasses = new ArrayList<>();
    List<Link<?, ?>> links = switch (kind) {
      case CONTACT -> contactLinks();
      case ACCOUNT -> accountLinks();
      case LEAD -> leadLinks();
    };
    for (Link<?, ?> link : links) {
      link.move(from, to, moved);
    }
    TenantStore store = uow.store();
    if (kind == Merge.Kind.CONTACT || kind == Merge.Kind.LEAD) {
      Buffer<MemoryCampaigns.MemberKey, CampaignMember> members = uow.buffer(store.campaignMembers);
      MemberId was = member(kind, from);
      String link = kind == Merge.Kind.LEAD ? "leadMember" : "member";
      for (CampaignMember m : members.lookup(Kinds.PERSON, from).stream()
          .filter(m -> m.member().equals(was)).toList()) {
        members.delete(m);
        if (members.find(new MemoryCampaigns.MemberKey(m.campaignId(), to)).isPresent()) {
          dropped.add(m);
        } else {
          members.insert(MEMBER.with(MEMBER.with(m, "member", member(kind, to)), "version", 0L));
          moved.add(new Move(link, m.campaignId(), from, to));
        }
      }
    } else {
      Buffer<AccountId, MemorySales.Standing> classes = uow.buffer(store.payerClasses);
      Optional<MemorySales.Standing> loser = classes.find(AccountId.of(from));
      if (loser.isPresent()) {
        classes.delete(loser.get());
        if (classes.find(AccountId.of(to)).isPresent()) {
          droppedClasses.add(loser.get());
        } else {
          classes.insert(new MemorySales.Standing(AccountId.of(to), uow.tenant(), 0, loser.get().payerClass()));
          moved.add(new Move("payerClass", AccountId.of(to), from, to));
        }
      }
    }
    Buffer<UUID, Moves> log = uow.buffer(store.mergeMoves);
    Optional<Moves> before = log.find(mergeId);
    if (before.isPresent()) {
      log.update(new Moves(mergeId, uow.tenant(), concat(before.get().moved(), moved),
          concat(before.get().dropped(), dropped), concat(before.get().droppedClasses(), droppedClasses)));
    } else {
      log.insert(new Moves(mergeId, uow.tenant(), List.copyOf(moved), List.copyOf(dropped), List.copyOf(droppedClasses)));
    }
  }

  @Override
  public void moveBack(UUID mergeId) {
    uow.requireOpen();
    Objects.requireNonNull(mergeId, "mergeId");
    TenantStore store = uow.store();
    Optional<Moves> found = uow.buffer(store.mergeMoves).find(mergeId);
    if (found.isEmpty()) {
      return;
    }
    Map<String, Link<?, ?>> links = new LinkedHashMap<>();
    contactLinks().forEach(l -> links.put(l.name, l));
    accountLinks().forEach(l -> links.put(l.name, l));
    leadLinks().forEach(l -> links.put(l.name, l));
    for (Move m : found.get().moved()) {
      switch (m.link()) {
        case "member", "leadMember" -> {
          Buffer<MemoryCampaigns.MemberKey, CampaignMember> members = uow.buffer(store.campaignMembers);
          Merge.Kind of = m.link().equals("member") ? Merge.Kind.CONTACT : Merge.Kind.LEAD;
          members.find(new MemoryCampaigns.MemberKey((CampaignId) m.key(), m.to())).ifPresent(current -> {
            members.delete(current);
            members.insert(MEMBER.with(MEMBER.with(current, "member", member(of, m.from())), "version", 0L));
          });
        }
        case "payerClass" -> {
          Buffer<AccountId, MemorySales.Standing> classes = uow.buffer(store.payerClasses);
          classes.find(AccountId.of(m.to())).ifPresent(current -> {
            classes.delete(current);
            classes.insert(new MemorySales.Standing(AccountId.of(m.from()), uow.tenant(), 0, current.payerClass()));
          });
        }
        default -> links.get(m.link()).moveBack(m);
      }
    }
    Buffer<MemoryCampaigns.MemberKey, CampaignMember> members = uow.buffer(store.campaignMembers);
    for (CampaignMember m : found.get().dropped()) {
      members.insert(MEMBER.with(m, "version", 0L));
    }
    Buffer<AccountId, MemorySales.Standing> classes = uow.buffer(store.payerClasses);
    for (MemorySales.Standing s : found.get().droppedClasses()) {
      classes.insert(s.withVersion(0));
    }
  }

  @Override
  public void delete(Contact contact) {
    uow.requireOpen();
    uow.buffer(uow.store().contacts).delete(Objects.requireNonNull(contact, "contact"));
  }

  @Override
  public void delete(Account account) {
    uow.requireOpen();
    uow.buffer(uow.store().accounts).delete(Objects.requireNonNull(account, "account"));
  }

  @Override
  public Contact restore(Contact contact) {
    uow.requireOpen();
    return uow.buffer(uow.store().contacts).insert(CONTACT.with(contact, "version", 0L));
  }

  @Override
  public Account restore(Account account) {
    uow.requireOpen();
    return uow.buffer(uow.store().accounts).insert(ACCOUNT.with(account, "version", 0L));
  }

  @Override
  public void save(Merge merge) {
    uow.requireOpen();
    Objects.requireNonNull(merge, "merge");
    Buffer<UUID, Merge> merges = uow.buffer(uow.store().merges);
    if (merges.find(merge.id()).isPresent()) {
      merges.update(merge);
    } else {
      merges.insert(merge);
    }
  }

  @Override
  public Optional<Merge> find(UUID mergeId) {
    uow.requireOpen();
    Objects.requireNonNull(mergeId, "mergeId");
    return uow.buffer(uow.store().merges).find(mergeId);
  }

  @Override
  public Optional<Merge> findByMerged(UUID record) {
    uow.requireOpen();
    Objects.requireNonNull(record, "record");
    return uow.buffer(uow.store().merges).lookup(MERGED, record).stream().findFirst();
  }

  @Override
  public Map<String, Merge> findByMergedReferences(Collection<String> externalReferences) {
    uow.requireOpen();
    Objects.requireNonNull(externalReferences, "externalReferences");
    Map<String, Merge> found = new LinkedHashMap<>();
    Buffer<UUID, Merge> merges = uow.buffer(uow.store().merges);
    for (String ref : externalReferences) {
      merges.lookup(REFERENCE, ref).stream().findFirst().ifPresent(m -> found.put(ref, m));
    }
    return found;
  }

  // ---- the links

  /**
   * One kind of record that links to a contact or account: how to find the records linked to an
   * id, and how to re-point one.
   */
  private final class Link<I extends Comparable<I>, R extends Record> {
    final String name;
    final Table<I, R> table;
    final Function<R, Optional<UUID>> linked;
    final java.util.function.BiFunction<R, UUID, R> relink;
    /** An index by the linked id, if the table has one, and its key for an id. */
    final String index;
    final Function<UUID, Object> key;

    Link(String name, Table<I, R> table, Function<R, Optional<UUID>> linked,
        java.util.function.BiFunction<R, UUID, R> relink, String index) {
      this.name = name;
      this.table = table;
      this.linked = linked;
      this.relink = relink;
      this.index = index;
      // the account indexes are filed by AccountId, the conversions' by the plain UUID
      this.key = Kinds.ACCOUNT.equals(index) ? AccountId::of : Kinds.ORIGIN_LEAD.equals(index) ? LeadId::of : id -> id;
    }

    long count(UUID record) {
      Optional<UUID> was = Optional.of(record);
      return index == null ? all(table, r -> linked.apply(r).equals(was)).size()
          : uow.buffer(table).lookup(index, key.apply(record)).stream().filter(r -> linked.apply(r).equals(was)).count();
    }

    void move(UUID from, UUID to, List<Move> moved) {
      Buffer<I, R> buffer = uow.buffer(table);
      Optional<UUID> was = Optional.of(from);
      List<R> hits = index == null ? all(table, r -> linked.apply(r).equals(was))
          : buffer.lookup(index, key.apply(from)).stream().filter(r -> linked.apply(r).equals(was)).toList();
      for (R r : hits) {
        buffer.update(relink.apply(r, to));
        moved.add(new Move(name, table.kind.id().apply(r), from, to));
      }
    }

    @SuppressWarnings("unchecked")
    void moveBack(Move m) {
      Buffer<I, R> buffer = uow.buffer(table);
      buffer.find((I) m.key()).ifPresent(r -> buffer.update(relink.apply(r, m.from())));
    }
  }

  private List<Link<?, ?>> contactLinks() {
    TenantStore s = uow.store();
    return List.of(
        new Link<ActivityId, Activity>("contact.activity", s.activities, a -> a.links().contact().map(ContactId::value),
            (a, to) -> ACTIVITY.with(a, "links", withContact(a.links(), to)), Kinds.LINKED),
        new Link<TaskId, Task>("contact.task", s.tasks, t -> t.links().contact().map(ContactId::value),
            (t, to) -> TASK.with(t, "links", withContact(t.links(), to)), Kinds.LINKED),
        new Link<CaseId, ServiceCase>("contact.case", s.cases, c -> c.contactId().map(ContactId::value),
            (c, to) -> CASE.with(c, "contactId", Optional.of(ContactId.of(to))), null),
        new Link<FeedbackId, Feedback>("contact.feedback", s.feedback, f -> Optional.of(f.contactId().value()),
            (f, to) -> FEEDBACK.with(f, "contactId", ContactId.of(to)), null),
        new Link<OpportunityId, Opportunity>("contact.opportunity", s.opportunities,
            o -> o.primaryContact().map(ContactId::value),
            (o, to) -> OPPORTUNITY.with(o, "primaryContact", Optional.of(ContactId.of(to))), null),
        new Link<LeadId, Lead>("contact.lead", s.leads, l -> l.convertedTo().map(c -> c.contactId().value()),
            (l, to) -> {
              ConvertedTo c = l.convertedTo().orElseThrow();
              return LEAD.with(l, "convertedTo",
                  Optional.of(new ConvertedTo(ContactId.of(to), c.accountId(), c.opportunityId(), c.convertedAt())));
            }, Kinds.CONVERTED_INTO),
        timeline("contact.timeline"));
  }

  private List<Link<?, ?>> accountLinks() {
    TenantStore s = uow.store();
    return List.of(
        new Link<ContactId, Contact>("account.contact", s.contacts, c -> c.accountId().map(AccountId::value),
            (c, to) -> CONTACT.with(c, "accountId", Optional.of(AccountId.of(to))), Kinds.ACCOUNT),
        new Link<ActivityId, Activity>("account.activity", s.activities, a -> a.links().account().map(AccountId::value),
            (a, to) -> ACTIVITY.with(a, "links", withAccount(a.links(), to)), Kinds.LINKED),
        new Link<TaskId, Task>("account.task", s.tasks, t -> t.links().account().map(AccountId::value),
            (t, to) -> TASK.with(t, "links", withAccount(t.links(), to)), Kinds.LINKED),
        new Link<CaseId, ServiceCase>("account.case", s.cases, c -> Optional.of(c.accountId().value()),
            (c, to) -> CASE.with(c, "accountId", AccountId.of(to)), Kinds.ACCOUNT),
        new Link<FeedbackId, Feedback>("account.feedback", s.feedback, f -> Optional.of(f.accountId().value()),
            (f, to) -> FEEDBACK.with(f, "accountId", AccountId.of(to)), Kinds.ACCOUNT),
        new Link<OpportunityId, Opportunity>("account.opportunity", s.opportunities, o -> Optional.of(o.accountId().value()),
            (o, to) -> OPPORTUNITY.with(o, "accountId", AccountId.of(to)), Kinds.ACCOUNT),
        new Link<LeadId, Lead>("account.lead", s.leads, l -> l.convertedTo().map(c -> c.accountId().value()),
            (l, to) -> {
              ConvertedTo c = l.convertedTo().orElseThrow();
              return LEAD.with(l, "convertedTo",
                  Optional.of(new ConvertedTo(c.contactId(), AccountId.of(to), c.opportunityId(), c.convertedAt())));
            }, Kinds.CONVERTED_INTO),
        new Link<SaleId, Sale>("account.sale", s.sales, x -> Optional.of(x.accountId().value()),
            (x, to) -> SALE.with(x, "content", NEW_SALE.with(x.content(), "accountId", AccountId.of(to))),
            Kinds.ACCOUNT),
        new Link<PaymentId, Payment>("account.payment", s.payments, p -> Optional.of(p.content().accountId().value()),
            (p, to) -> PAYMENT.with(p, "content", NEW_PAYMENT.with(p.content(), "accountId", AccountId.of(to))),
            Kinds.ACCOUNT),
        timeline("account.timeline"));
  }

  private List<Link<?, ?>> leadLinks() {
    TenantStore s = uow.store();
    return List.of(
        new Link<ActivityId, Activity>("lead.activity", s.activities, a -> a.links().lead().map(LeadId::value),
            (a, to) -> ACTIVITY.with(a, "links", withLead(a.links(), to)), Kinds.LINKED),
        new Link<TaskId, Task>("lead.task", s.tasks, t -> t.links().lead().map(LeadId::value),
            (t, to) -> TASK.with(t, "links", withLead(t.links(), to)), Kinds.LINKED),
        new Link<OpportunityId, Opportunity>("lead.opportunity", s.opportunities,
            o -> o.originLead().map(LeadId::value),
            (o, to) -> OPPORTUNITY.with(o, "originLead", Optional.of(LeadId.of(to))), Kinds.ORIGIN_LEAD),
        new Link<ContactId, Contact>("lead.contact", s.contacts, c -> c.originLead().map(LeadId::value),
            (c, to) -> CONTACT.with(c, "originLead", Optional.of(LeadId.of(to))), null),
        timeline("lead.timeline"));
  }

  private static MemberId member(Merge.Kind kind, UUID person) {
    return kind == Merge.Kind.LEAD ? MemberId.lead(LeadId.of(person)) : MemberId.contact(ContactId.of(person));
  }

  private static Links withLead(Links links, UUID lead) {
    return new Links(Optional.of(LeadId.of(lead)), links.contact(), links.account(), links.opportunity());
  }

  /** Timeline entries, kept in two tables: found by the subject index, both re-pointed. */
  private Link<MemoryTimeline.Key, TimelineEntry> timeline(String name) {
    TenantStore s = uow.store();
    return new Link<>(name, s.timeline, e -> Optional.of(e.subjectId()), (e, to) -> {
      TimelineEntry next = ENTRY.with(e, "subjectId", to);
      uow.buffer(s.timelineById).update(next);
      return next;
    }, Kinds.SUBJECT);
  }

  private <I extends Comparable<I>, R> List<R> all(Table<I, R> table, Predicate<R> filter) {
    List<R> found = new ArrayList<>();
    uow.buffer(table).forEach(List.of(), filter, found::add);
    return found;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static Links withContact(Links links, UUID contact) {
    return new Links(links.lead(), Optional.of(ContactId.of(contact)), links.account(), links.opportunity());
  }

  private static Links withAccount(Links links, UUID account) {
    return new Links(links.lead(), links.contact(), Optional.of(AccountId.of(account)), links.opportunity());
  }
}
