package dev.rapport.crm.memory;

import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.field.CustomField;
import dev.rapport.crm.field.CustomFieldRepository;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.RecordKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Custom field definitions in memory, one row per field keyed {@code KIND.key} and filed under its
 * kind; the values of a field are read from the records' own tables.
 */
final class MemoryCustomFields implements CustomFieldRepository {
  private static final String KIND_INDEX = "kind";

  /** A field of a tenant: definitions carry no tenant of their own. */
  record Row(TenantId tenant, CustomField field) {
    String id() {
      return field.kind() + "." + field.key();
    }
  }

  /** Definitions are changed in place: their version is always 0. */
  static final Kind<String, Row> KIND = new Kind<>("custom field", Row::id, r -> 0L, (r, v) -> r, Row::tenant,
      s -> s, List.of(new Kind.IndexDef<>(KIND_INDEX, r -> List.of(r.field().kind()))), Optional.empty());

  private final MemoryUnitOfWork uow;

  MemoryCustomFields(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  private Buffer<String, Row> buffer() {
    return uow.buffer(uow.store().customFields);
  }

  @Override
  public List<CustomField> fields(RecordKind kind) {
    uow.requireOpen();
    Objects.requireNonNull(kind, "kind");
    List<CustomField> out = new ArrayList<>();
    buffer().lookup(KIND_INDEX, kind).forEach(r -> out.add(r.field()));
    out.sort(Comparator.comparing(CustomField::key));
    return out;
  }

  @Override
  public List<CustomField> all() {
    uow.requireOpen();
    List<CustomField> out = new ArrayList<>();
    for (RecordKind k : RecordKind.values()) {
      out.addAll(fields(k));
    }
    return out;
  }

  @Override
  public Optional<CustomField> find(RecordKind kind, String key) {
    uow.requireOpen();
    return buffer().find(kind + "." + key).map(Row::field);
  }

  @Override
  public void insert(CustomField field) {
    uow.requireOpen();
    buffer().insert(new Row(uow.tenant(), field));
  }

  @Override
  public void update(CustomField field) {
    uow.requireOpen();
    buffer().update(new Row(uow.tenant(), field));
  }

  @Override
  public void delete(RecordKind kind, String key) {
    uow.requireOpen();
    buffer().find(kind + "." + key).ifPresent(r -> buffer().delete(r));
  }

  @Override
  public List<Holder> holding(RecordKind kind, String key) {
    uow.requireOpen();
    List<Holder> out = new ArrayList<>();
    visit(kind, (id, fields) -> {
      if (fields.values().containsKey(key)) {
        out.add(new Holder(id, fields));
      }
    });
    out.sort(Comparator.comparing(Holder::id));
    return out;
  }

  @Override
  public List<UUID> lacking(RecordKind kind, String key, int limit) {
    uow.requireOpen();
    List<UUID> out = new ArrayList<>();
    visit(kind, (id, fields) -> {
      if (!fields.values().containsKey(key)) {
        out.add(id);
      }
    });
    out.sort(null);
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  private void visit(RecordKind kind, java.util.function.BiConsumer<UUID, CustomFields> visitor) {
    TenantStore s = uow.store();
    switch (kind) {
      case LEAD -> each(s.leads, l -> l.id().value(), dev.rapport.crm.lead.Lead::fields, visitor);
      case CONTACT -> each(s.contacts, c -> c.id().value(), dev.rapport.crm.contact.Contact::fields, visitor);
      case ACCOUNT -> each(s.accounts, a -> a.id().value(), dev.rapport.crm.contact.Account::fields, visitor);
      case OPPORTUNITY -> each(s.opportunities, o -> o.id().value(), dev.rapport.crm.opportunity.Opportunity::fields,
          visitor);
      case CASE -> each(s.cases, c -> c.id().value(), dev.rapport.crm.service.ServiceCase::fields, visitor);
    }
  }

  private <I extends Comparable<I>, R> void each(Table<I, R> table, Function<R, UUID> id, Function<R, CustomFields> fields,
      java.util.function.BiConsumer<UUID, CustomFields> visitor) {
    uow.buffer(table).forEach(List.of(), r -> true, r -> visitor.accept(id.apply(r), fields.apply(r)));
  }
}
