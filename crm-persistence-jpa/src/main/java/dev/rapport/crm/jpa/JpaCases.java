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
    if (query.order() == CaseQuery.Order.OPENED) {
      return page(where(query, p), p, page);
    }
    return sorted(query, where(query, p), p, page);
  }

  /**
   * A page by due instant or value: one statement, keyset on the stored sort keys, the cursor
   * case's keys read by subqueries (a cursor whose case is gone matches nothing: the walk ends).
   */
  private Page<ServiceCase> sorted(CaseQuery query, String where, Map<String, Object> p, PageRequest page) {
    StringBuilder jpql = new StringBuilder("select e from RapportCase e where e.tenantId = :tenant").append(where);
    if (page.after().isPresent()) {
      // (key, id) > (the cursor's key, its id), written so that the first conjunct, a range on the
      // leading column of the index, bounds the scan (an OR alone does not on PostgreSQL)
      String due = "(select x.dueKey from RapportCase x where x.tenantId = :tenant and x.id = :after)";
      String byDue = "e.dueKey >= " + due + " and (e.dueKey > " + due + " or e.id > :after)";
      if (query.order() == CaseQuery.Order.DUE) {
        jpql.append(" and ").append(byDue);
      } else {
        String rank = "(select y.rankKey from RapportCase y where y.tenantId = :tenant and y.id = :after)";
        jpql.append(" and e.rankKey >= ").append(rank).append(" and (e.rankKey > ").append(rank).append(" or (")
            .append(byDue).append("))");
      }
    }
    jpql.append(query.order() == CaseQuery.Order.DUE ? " order by e.dueKey, e.id" : " order by e.rankKey, e.dueKey, e.id");
    jakarta.persistence.TypedQuery<CaseEntity> q = uow.em().createQuery(jpql.toString(), CaseEntity.class)
        .setParameter("tenant", uow.tenant().value()).setMaxResults(page.size() + 1);
    p.forEach(q::setParameter);
    page.after().ifPresent(a -> q.setParameter("after", UUID.fromString(a)));
    List<ServiceCase> found = q.getResultList().stream().map(rows::track).map(rows::toDomain).toList();
    return Rows.toPage(found, page.size(), c -> c.id().value());
  }

  @Override
  public List<ServiceCase> alertsDue(java.time.Instant now, int limit) {
    uow.requireOpen();
    Objects.requireNonNull(now, "now");
    return uow.em().createQuery("select e from RapportCase e where e.tenantId = :tenant and e.alertAt <= :now"
            + " order by e.alertAt, e.id", CaseEntity.class)
        .setParameter("tenant", uow.tenant().value()).setParameter("now", toColumn(now)).setMaxResults(limit)
        .getResultList().stream().map(rows::track).map(rows::toDomain).toList();
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
    Optional<dev.rapport.crm.service.CaseLevel> level = c.level();
    e.slTier = level.map(dev.rapport.crm.service.CaseLevel::tier).orElse(null);
    e.slRank = level.map(dev.rapport.crm.service.CaseLevel::rank).orElse(null);
    e.slResponseTarget = level.map(l -> micros(l.responseTarget())).orElse(null);
    e.slResolutionTarget = level.map(l -> micros(l.resolutionTarget())).orElse(null);
    e.slAtRiskPercent = level.map(dev.rapport.crm.service.CaseLevel::atRiskPercent).orElse(null);
    e.slResponseDue = level.map(l -> toColumn(l.responseDue())).orElse(null);
    e.slResponseAtRisk = level.map(l -> toColumn(l.responseAtRisk())).orElse(null);
    e.slResolutionDue = level.map(l -> toColumn(l.resolutionDue())).orElse(null);
    e.slResolutionAtRisk = level.map(l -> toColumn(l.resolutionAtRisk())).orElse(null);
    e.slPaused = level.map(l -> micros(l.paused())).orElse(null);
    e.slPausedSince = level.flatMap(dev.rapport.crm.service.CaseLevel::pausedSince).map(Mapping::toColumn).orElse(null);
    e.slAlerts = level.map(l -> l.alerts().stream().mapToInt(a -> 1 << a.ordinal()).sum()).orElse(null);
    e.dueKey = CaseQuery.dueKey(c);
    e.rankKey = CaseQuery.rankKey(c);
    e.alertAt = c.alertAt().map(Mapping::toColumn).orElse(null);
  }

  private static long micros(java.time.Duration d) {
    return d.getSeconds() * 1_000_000L + d.getNano() / 1_000;
  }

  private static java.time.Duration duration(long micros) {
    return java.time.Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private static Optional<dev.rapport.crm.service.CaseLevel> level(CaseEntity e) {
    if (e.slTier == null) {
      return Optional.empty();
    }
    java.util.EnumSet<dev.rapport.crm.service.CaseLevel.Alert> alerts =
        java.util.EnumSet.noneOf(dev.rapport.crm.service.CaseLevel.Alert.class);
    for (dev.rapport.crm.service.CaseLevel.Alert a : dev.rapport.crm.service.CaseLevel.Alert.values()) {
      if ((e.slAlerts & (1 << a.ordinal())) != 0) {
        alerts.add(a);
      }
    }
    return Optional.of(new dev.rapport.crm.service.CaseLevel(e.slTier, e.slRank, duration(e.slResponseTarget),
        duration(e.slResolutionTarget), e.slAtRiskPercent, fromColumn(e.slResponseDue), fromColumn(e.slResponseAtRisk),
        fromColumn(e.slResolutionDue), fromColumn(e.slResolutionAtRisk), duration(e.slPaused),
        Optional.ofNullable(e.slPausedSince).map(Mapping::fromColumn), alerts));
  }

  static ServiceCase entityToDomain(CaseEntity e, long version) {
    return new ServiceCase(CaseId.of(e.id), TenantId.of(e.tenantId), version, AccountId.of(e.accountId),
        Optional.ofNullable(e.contactId).map(ContactId::of), e.subject,
        Optional.ofNullable(e.description), CasePriority.valueOf(e.priority),
        CaseStatus.valueOf(e.status), Optional.ofNullable(e.owner), Optional.ofNullable(e.resolution),
        fromColumn(e.openedAt), fromColumn(e.updatedAt),
        Optional.ofNullable(e.firstResponseAt).map(Mapping::fromColumn),
        Optional.ofNullable(e.resolvedAt).map(Mapping::fromColumn),
        FieldsJson.read(e.customFields), level(e));
  }

  static List<Object> state(CaseEntity e) {
    return Arrays.asList(e.tenantId, e.accountId, e.contactId, e.subject, e.description, e.priority,
        e.status, e.owner, e.resolution, e.openedAt, e.updatedAt, e.firstResponseAt, e.resolvedAt, e.customFields,
        e.slTier, e.slRank, e.slResponseTarget, e.slResolutionTarget, e.slAtRiskPercent, e.slResponseDue,
        e.slResponseAtRisk, e.slResolutionDue, e.slResolutionAtRisk, e.slPaused, e.slPausedSince, e.slAlerts,
        e.dueKey, e.rankKey, e.alertAt);
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
