package dev.rapport.crm.jpa;

import dev.rapport.crm.field.CustomField;
import dev.rapport.crm.field.CustomFieldRepository;
import dev.rapport.crm.field.RecordKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Custom field definitions in {@code crm_custom_field}, and the values of one field read from the
 * records' {@code custom_fields} columns (schema version 17).
 */
final class JpaCustomFields implements CustomFieldRepository {
  private final JpaUnitOfWork uow;

  JpaCustomFields(JpaUnitOfWork uow) {
    this.uow = uow;
  }

  /** The row id of a field: a name-based UUID of its kind and key, so a field has one row. */
  private static UUID id(RecordKind kind, String key) {
    return UUID.nameUUIDFromBytes(("custom_field:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public List<CustomField> fields(RecordKind kind) {
    uow.requireOpen();
    List<CustomField> out = new ArrayList<>();
    for (CustomFieldEntity e : uow.em().createQuery("select e from RapportCustomField e where e.tenantId = :tenant"
            + " and e.kind = :kind", CustomFieldEntity.class)
        .setParameter("tenant", uow.tenant().value()).setParameter("kind", kind.name()).getResultList()) {
      out.add(FieldsJson.readDefinition(e.kind, e.fieldKey, e.definition));
    }
    // in key order as Java compares them: a database's collation may order '_' otherwise
    out.sort(java.util.Comparator.comparing(CustomField::key));
    return out;
  }

  @Override
  public List<CustomField> all() {
    uow.requireOpen();
    List<CustomField> out = new ArrayList<>();
    for (CustomFieldEntity e : uow.em().createQuery("select e from RapportCustomField e where e.tenantId = :tenant",
            CustomFieldEntity.class).setParameter("tenant", uow.tenant().value()).getResultList()) {
      out.add(FieldsJson.readDefinition(e.kind, e.fieldKey, e.definition));
    }
    out.sort(java.util.Comparator.comparing(CustomField::kind).thenComparing(CustomField::key));
    return out;
  }

  @Override
  public Optional<CustomField> find(RecordKind kind, String key) {
    uow.requireOpen();
    return row(kind, key).map(e -> FieldsJson.readDefinition(e.kind, e.fieldKey, e.definition));
  }

  private Optional<CustomFieldEntity> row(RecordKind kind, String key) {
    TenantKey k = new TenantKey();
    k.tenantId = uow.tenant().value();
    k.id = id(kind, key);
    return Optional.ofNullable(uow.em().find(CustomFieldEntity.class, k));
  }

  @Override
  public void insert(CustomField field) {
    uow.requireOpen();
    CustomFieldEntity e = new CustomFieldEntity();
    e.id = id(field.kind(), field.key());
    e.tenantId = uow.tenant().value();
    e.kind = field.kind().name();
    e.fieldKey = field.key();
    e.definition = FieldsJson.writeDefinition(field);
    uow.em().persist(e);
  }

  @Override
  public void update(CustomField field) {
    uow.requireOpen();
    CustomFieldEntity e = row(field.kind(), field.key())
        .orElseThrow(() -> new dev.rapport.crm.exception.NotFoundException("custom field", field.kind() + "." + field.key()));
    e.definition = FieldsJson.writeDefinition(field);
  }

  @Override
  public void delete(RecordKind kind, String key) {
    uow.requireOpen();
    row(kind, key).ifPresent(e -> {
      uow.em().remove(e);
      uow.flush(); // gone before a rename inserts the field under its new key
    });
  }

  private static String entity(RecordKind kind) {
    return switch (kind) {
      case LEAD -> "RapportLead";
      case CONTACT -> "RapportContact";
      case ACCOUNT -> "RapportAccount";
      case OPPORTUNITY -> "RapportOpportunity";
      case CASE -> "RapportCase";
    };
  }

  @Override
  public List<Holder> holding(RecordKind kind, String key) {
    uow.requireOpen();
    uow.flush(); // the unit's own writes count
    List<Holder> out = new ArrayList<>();
    for (Object[] r : uow.em().createQuery("select e.id, e.customFields from " + entity(kind) + " e"
            + " where e.tenantId = :tenant and e.customFields like :key escape '!' order by e.id", Object[].class)
        .setParameter("tenant", uow.tenant().value()).setParameter("key", FieldsJson.holdingAny(key))
        .getResultList()) {
      out.add(new Holder((UUID) r[0], FieldsJson.read((String) r[1])));
    }
    return out;
  }

  @Override
  public List<UUID> lacking(RecordKind kind, String key, int limit) {
    uow.requireOpen();
    uow.flush();
    return uow.em().createQuery("select e.id from " + entity(kind) + " e where e.tenantId = :tenant"
            + " and (e.customFields is null or e.customFields not like :key escape '!') order by e.id", UUID.class)
        .setParameter("tenant", uow.tenant().value()).setParameter("key", FieldsJson.holdingAny(key))
        .setMaxResults(limit).getResultList();
  }
}
