package dev.rapport.crm.jpa;

import static dev.rapport.crm.jpa.Mapping.fromColumn;
import static dev.rapport.crm.jpa.Mapping.orNull;
import static dev.rapport.crm.jpa.Mapping.toColumn;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.service.CasePriority;
import dev.rapport.crm.service.CaseQuery;
import dev.rapport.crm.service.CaseStatus;
import dev.rapport.crm.service.ServiceCase;
import dev.rapport.crm.service.CaseRepository;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The service cases of one unit of work, in {@code crm_case}. */
final class JpaCases implements CaseRepository {
  static final Kind<ServiceCase, CaseEntity> KIND = new Kind<>("case", "RapportCase",
      CaseEntity.class, c -> c.id().value(), ServiceCase::tenantId, ServiceCase::version,
      Versions.of(ServiceCase.class)::with, CaseEntity::new, JpaCases::domainToEntity, e -> e.id,
      e -> e.version, JpaCases::state);

  private static final List<String> OPEN = CaseStatus.OPEN.stream().map(Enum::name).sorted().toList();

  private final JpaUnitOfWork uow;
  private final Rows<ServiceCase, CaseEntity> rows;

  JpaCases(JpaUnitOfWork uow) {
    this.uow = uow;
    this.rows = new Rows<>(uow, KIND, JpaCases::entityToDomain);
  }

  @Override
  public Optional<ServiceCase> find(CaseId id) {
    uow.requireOpen();
    Objects.requireNonNull(id, "id");
    return rows.load(id.value()).map(rows::toDomain);
  }

  @Override
  public Page<ServiceCase> query(CaseQuery query, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(page, "page");
    Map<String, Object> p = new LinkedHashMap<>();
    return page(where(query, p), p, page);
  }

  @Override
  public long count(CaseQuery query) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    Map<String, Object> p = new LinkedHashMap<>();
    return rows.count(where(query, p), p);
  }

  /** The open status and the query's conditions, to append to the tenant's; parameters go into {@code p}. */
  private static String where(CaseQuery query, Map<String, Object> p) {
    StringBuilder where = new StringBuilder(" and e.status in :statuses");
    p.put("statuses", OPEN);
    if (!query.priorities().isEmpty()) {
      Rows.oneOf(where, "e.priority", "priorities", query.priorities().stream().map(Enum::name).sorted().toList(), p);
    }
    query.owner().ifPresent(o -> {
      where.append(" and e.owner = :owner");
      p.put("owner", o);
    });
    int field = 0;
    for (Map.Entry<String, dev.rapport.crm.field.FieldValue> f : query.fields().entrySet()) {
      // the JSON of the one entry, anywhere in the column (schema version 17)
      where.append(" and e.customFields like :field").append(field).append(" escape '!'");
      p.put("field" + field++, FieldsJson.holding(f.getKey(), f.getValue()));
    }
    return where.toString();
  }

  @Override
  public Page<ServiceCase> byAccount(AccountId account, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(page, "page");
    return page(" and e.accountId = :account", Rows.params("account", account.value()), page);
  }

  @Override
  public long countByAccount(AccountId account) {
    uow.requireOpen();
    Objects.requireNonNull(account, "account");
    return rows.count(" and e.accountId = :account", Rows.params("account", account.value()));
  }

  @Override
  public Page<ServiceCase> list(PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(page, "page");
    return page("", Map.of(), page);
  }

  private Page<ServiceCase> page(String where, Map<String, Object> params, PageRequest page) {
    List<ServiceCase> found = rows.page(where, params, page).stream().map(rows::toDomain).toList();
    return Rows.toPage(found, page.size(), c -> c.id().value());
  }

  @Override
  public ServiceCase insert(ServiceCase serviceCase) {
    uow.requireOpen();
    return rows.toDomain(rows.insert(serviceCase));
  }

  @Override
  public ServiceCase update(ServiceCase serviceCase) {
    uow.requireOpen();
    return rows.stored(rows.update(serviceCase), serviceCase);
  }

  // ---- mapping

  static void domainToEntity(ServiceCase c, CaseEntity e) {
    e.customFields = FieldsJson.write(c.fields());
    e.id = c.id().value();
    e.tenantId = c.tenantId().value();
    e.accountId = c.accountId().value();
    e.contactId = c.contactId().map(ContactId::value).orElse(null);
    e.subject = c.subject();
    e.description = orNull(c.description());
    e.priority = c.priority().name();
    e.status = c.status().name();
    e.owner = orNull(c.owner());
    e.resolution = orNull(c.resolution());
    e.openedAt = toColumn(c.openedAt());
    e.updatedAt = toColumn(c.updatedAt());
    e.firstResponseAt = c.firstResponseAt().map(Mapping::toColumn).orElse(null);
    e.resolvedAt = c.resolvedAt().map(Mapping::toColumn).orElse(null);
  }

  static ServiceCase entityToDomain(CaseEntity e, long version) {
    return new ServiceCase(CaseId.of(e.id), TenantId.of(e.tenantId), version, AccountId.of(e.accountId),
        Optional.ofNullable(e.contactId).map(ContactId::of), e.subject,
        Optional.ofNullable(e.description), CasePriority.valueOf(e.priority),
        CaseStatus.valueOf(e.status), Optional.ofNullable(e.owner), Optional.ofNullable(e.resolution),
        fromColumn(e.openedAt), fromColumn(e.updatedAt),
        Optional.ofNullable(e.firstResponseAt).map(Mapping::fromColumn),
        Optional.ofNullable(e.resolvedAt).map(Mapping::fromColumn),
        FieldsJson.read(e.customFields));
  }

  static List<Object> state(CaseEntity e) {
    return Arrays.asList(e.tenantId, e.accountId, e.contactId, e.subject, e.description, e.priority,
        e.status, e.owner, e.resolution, e.openedAt, e.updatedAt, e.firstResponseAt, e.resolvedAt, e.customFields);
  }

  @Override
  public void delete(ServiceCase serviceCase) {
    uow.requireOpen();
    rows.delete(serviceCase);
  }

  /** The cases these contacts raised, in id order. */
  List<ServiceCase> byContacts(java.util.Collection<dev.rapport.crm.common.ContactId> contacts) {
    List<ServiceCase> found = new java.util.ArrayList<>();
    for (List<UUID> chunk : Rows.chunks(contacts.stream().map(dev.rapport.crm.common.ContactId::value).toList())) {
      rows.list(" and e.contactId in :contacts", Rows.params("contacts", chunk)).forEach(e -> found.add(rows.toDomain(e)));
    }
    found.sort(java.util.Comparator.comparing(c -> c.id().value()));
    return found;
  }
}
