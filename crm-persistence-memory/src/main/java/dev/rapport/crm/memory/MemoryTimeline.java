package dev.rapport.crm.memory;

import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.activity.TimelineRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The timeline index of one unit of work. Each entry is kept twice: in a table ordered by
 * (occurred at, id) and indexed by subject, whose pages newest first walk each subject's index
 * backwards from the cursor (at most a page per subject); and in a table ordered by id, which
 * finds a cursor's entry and lists everything for snapshots.
 */
final class MemoryTimeline implements TimelineRepository {
  /** Where an entry sorts in a timeline: by when it occurred, then by id (as databases sort UUIDs). */
  record Key(Instant occurredAt, UUID id) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = occurredAt.compareTo(o.occurredAt);
      if (c != 0) {
        return c;
      }
      c = Long.compareUnsigned(id.getMostSignificantBits(), o.id.getMostSignificantBits());
      return c != 0 ? c : Long.compareUnsigned(id.getLeastSignificantBits(), o.id.getLeastSignificantBits());
    }

    static Key of(TimelineEntry e) {
      return new Key(e.occurredAt(), e.id());
    }
  }

  /** Entries are never changed: their version is always 0. */
  static final Kind<Key, TimelineEntry> BY_TIME = new Kind<>("timelineEntry", Key::of, e -> 0L,
      (e, v) -> e, TimelineEntry::tenantId, s -> {
        throw new UnsupportedOperationException("the timeline is paged by MemoryTimeline.page");
      },
      List.of(new Kind.IndexDef<>(Kinds.SUBJECT, e -> List.of(e.subjectId()))), Optional.empty());

  static final Kind<UUID, TimelineEntry> BY_ID = new Kind<>("timelineEntry", TimelineEntry::id,
      e -> 0L, (e, v) -> e, TimelineEntry::tenantId, UUID::fromString, List.of(), Optional.empty());

  private final MemoryUnitOfWork uow;
  private Buffer<Key, TimelineEntry> byTime;
  private Buffer<UUID, TimelineEntry> byId;
  private Buffer<LeadId, Lead> leads;

  MemoryTimeline(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  private Buffer<Key, TimelineEntry> byTime() {
    if (byTime == null) {
      byTime = uow.buffer(uow.store().timeline);
      byId = uow.buffer(uow.store().timelineById);
    }
    return byTime;
  }

  private Buffer<UUID, TimelineEntry> byId() {
    byTime();
    return byId;
  }

  @Override
  public void add(List<TimelineEntry> entries) {
    uow.requireOpen();
    for (TimelineEntry e : entries) {
      byId().insert(e);
      byTime().insert(e);
    }
  }

  @Override
  public Page<TimelineEntry> page(Collection<UUID> subjects, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(subjects, "subjects");
    Optional<Key> before = Optional.empty();
    if (page.after().isPresent()) {
      UUID cursor = UUID.fromString(page.after().get());
      TimelineEntry at = byId().find(cursor).orElseThrow(() -> new NotFoundException("timelineEntry", cursor));
      before = Optional.of(Key.of(at));
    }
    List<TimelineEntry> found = byTime().descending(Kinds.SUBJECT, subjects, before, page.size() + 1);
    if (found.size() > page.size()) {
      List<TimelineEntry> items = found.subList(0, page.size());
      return new Page<>(items, Optional.of(items.get(items.size() - 1).id().toString()));
    }
    return new Page<>(found, Optional.empty());
  }

  @Override
  public Page<TimelineEntry> list(PageRequest page) {
    uow.requireOpen();
    return byId().page(List.of(), e -> true, page);
  }

  @Override
  public List<LeadId> leadsConvertedInto(UUID contactOrAccount) {
    uow.requireOpen();
    if (leads == null) {
      leads = uow.buffer(uow.store().leads);
    }
    List<LeadId> ids = new ArrayList<>();
    for (Lead l : leads.lookup(Kinds.CONVERTED_INTO, contactOrAccount)) {
      ids.add(l.id());
    }
    return List.copyOf(ids);
  }

  @Override
  public List<TimelineEntry> entriesOf(UUID subject) {
    uow.requireOpen();
    java.util.TreeMap<UUID, TimelineEntry> found = new java.util.TreeMap<>();
    byTime().forEach(List.of(new Buffer.IndexKey(Kinds.SUBJECT, subject)), e -> e.subjectId().equals(subject),
        e -> found.put(e.id(), e));
    return List.copyOf(found.values());
  }

  @Override
  public List<TimelineEntry> entriesShowing(java.util.Collection<UUID> refs) {
    uow.requireOpen();
    java.util.Set<UUID> wanted = java.util.Set.copyOf(refs);
    java.util.TreeMap<UUID, TimelineEntry> found = new java.util.TreeMap<>();
    // no index by the activity or task shown: a scan, as deletions are rare
    byId().forEach(List.of(), e -> e.refId().filter(wanted::contains).isPresent(), e -> found.put(e.id(), e));
    return List.copyOf(found.values());
  }

  @Override
  public void delete(java.util.Collection<TimelineEntry> entries) {
    uow.requireOpen();
    for (TimelineEntry e : entries) {
      if (byId().find(e.id()).isPresent()) {
        byId().delete(e);
        byTime().delete(e);
      }
    }
  }

  @Override
  public void rewrite(java.util.Collection<TimelineEntry> entries) {
    uow.requireOpen();
    for (TimelineEntry e : entries) {
      Optional<TimelineEntry> was = byId().find(e.id());
      if (was.isPresent()) {
        TimelineEntry now = new TimelineEntry(was.get().id(), was.get().tenantId(), was.get().subjectId(),
            was.get().occurredAt(), was.get().kind(), was.get().refId(), was.get().event(), e.summary());
        byId().update(now); // entries carry no version: an update is checked against none
        byTime().update(now);
      }
    }
  }
}
