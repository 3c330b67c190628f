package dev.rapport.crm;

import dev.rapport.crm.audit.AuditEntry;
import dev.rapport.crm.audit.AuditRepository;
import dev.rapport.crm.audit.FieldChange;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.internal.IdGenerator;
import dev.rapport.crm.internal.context.AuditHook;
import dev.rapport.crm.spi.UnitOfWork;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a command's audit trail: an entry per event it raised (with the fields the command
 * changed on that record, or else the event's own values) and one per record it changed without
 * an event. Holds only the id generator.
 */
final class AuditLog implements AuditHook {
  /** Parts of a record that every change touches or none may: not listed as changed. */
  private static final Set<String> BOOKKEEPING = Set.of("id", "tenantId", "version", "updatedAt", "occurredAt");

  private final IdGenerator ids;
  /** The components of each record class met, looked up once per {@code Crm} (reflection is slow). */
  private final java.util.concurrent.ConcurrentHashMap<Class<?>, RecordComponent[]> components =
      new java.util.concurrent.ConcurrentHashMap<>();

  AuditLog(IdGenerator ids) {
    this.ids = ids;
  }

  private RecordComponent[] components(Class<?> type) {
    return components.computeIfAbsent(type, Class::getRecordComponents);
  }

  @Override
  public void record(UnitOfWork uow, String actor, Instant at, List<CrmEvent> events, List<Change> changes) {
    // a record changed twice in one command: from its first before to its last after
    Map<UUID, Change> changed = new LinkedHashMap<>();
    for (Change c : changes) {
      UUID id = uuid(c.id());
      Change first = changed.get(id);
      changed.put(id, first == null ? c : new Change(c.kind(), c.id(), first.before(), c.after()));
    }
    List<AuditEntry> entries = new ArrayList<>();
    for (CrmEvent e : events) {
      UUID record = e.aggregateId();
      Change c = changed.remove(record);
      List<FieldChange> fields = c != null ? diff(c.before(), c.after()) : values(e, record);
      entries.add(new AuditEntry(ids.next(), uow.tenant(), at, actor, e.aggregateType(), record,
          e.getClass().getSimpleName(), fields));
    }
    for (Map.Entry<UUID, Change> c : changed.entrySet()) {
      List<FieldChange> fields = diff(c.getValue().before(), c.getValue().after());
      if (!fields.isEmpty()) {
        entries.add(new AuditEntry(ids.next(), uow.tenant(), at, actor, c.getValue().kind(), c.getKey(), "Changed", fields));
      }
    }
    if (!entries.isEmpty()) {
      uow.port(AuditRepository.class).add(entries);
    }
  }

  private static UUID uuid(Object id) {
    return id instanceof UUID u ? u : UUID.fromString(id.toString()); // the typed ids print their UUID
  }

  /** The fields that differ between two versions of a record. */
  List<FieldChange> diff(Object before, Object after) {
    List<FieldChange> fields = new ArrayList<>();
    if (before == null || after == null || !before.getClass().isRecord() || before.getClass() != after.getClass()) {
      return fields;
    }
    for (RecordComponent rc : components(before.getClass())) {
      if (BOOKKEEPING.contains(rc.getName())) {
        continue;
      }
      Object b = read(rc, before);
      Object a = read(rc, after);
      if (b instanceof List<?> was && a instanceof List<?> now && now.size() > was.size()
          && now.subList(0, was.size()).equals(was)) {
        // a list that grew at its end (a deal's stage history, a lead's signals): what was added
        fields.add(new FieldChange(rc.getName(), Optional.empty(), text(now.subList(was.size(), now.size()))));
      } else if (!Objects.equals(b, a)) {
        fields.add(new FieldChange(rc.getName(), text(b), text(a)));
      }
    }
    return fields;
  }

  /** An event's own values, as what the record now has. */
  private List<FieldChange> values(CrmEvent e, UUID record) {
    List<FieldChange> fields = new ArrayList<>();
    if (!e.getClass().isRecord()) {
      return fields;
    }
    for (RecordComponent rc : components(e.getClass())) {
      Object v = read(rc, e);
      if (BOOKKEEPING.contains(rc.getName()) || v == null || record.toString().equals(v.toString())) {
        continue;
      }
      Optional<String> t = text(v);
      if (t.isPresent()) {
        fields.add(new FieldChange(rc.getName(), Optional.empty(), t));
      }
    }
    return fields;
  }

  private static Object read(RecordComponent rc, Object record) {
    try {
      return rc.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + rc, e);
    }
  }

  private static Optional<String> text(Object v) {
    if (v instanceof Optional<?> o) {
      return o.flatMap(AuditLog::text);
    }
    if (v == null || (v instanceof Collection<?> c && c.isEmpty())) {
      return Optional.empty();
    }
    if (v instanceof Collection<?> c) { // written element by element, to the cut: a long list costs no more
      StringBuilder b = new StringBuilder("[");
      for (Object item : c) {
        if (b.length() > 1) {
          b.append(", ");
        }
        b.append(item);
        if (b.length() >= FieldChange.MAX_VALUE) {
          break;
        }
      }
      return Optional.of(cut(b.append(']').toString()));
    }
    return Optional.of(cut(String.valueOf(v)));
  }

  private static String cut(String s) {
    return s.length() > FieldChange.MAX_VALUE ? s.substring(0, FieldChange.MAX_VALUE - 1) + "\u2026" : s;
  }
}
