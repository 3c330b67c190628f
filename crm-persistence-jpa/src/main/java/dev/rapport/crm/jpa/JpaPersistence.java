package dev.rapport.crm.jpa;

import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.IdGenerator;
import dev.rapport.crm.jpa.internal.NullableUuid;
import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.spi.UnitOfWork;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link Persistence} on JPA 3.1: Rapport's data in the host's database, through the host's
 * {@link EntityManagerFactory} (Hibernate 6, EclipseLink 4 or another provider). It runs each unit
 * of work in a transaction of its own ({@link #create}) or joins the host's ({@link #joining}).
 *
 * <p>The host's persistence unit must list Rapport's entity classes, {@link #managedClassNames()}
 * (or include the mapping file {@value #MAPPING_FILE}), and its database must hold Rapport's
 * tables: the scripts under {@code db/rapport/<postgresql|mariadb|h2>/} in this jar
 * ({@code V1__rapport_crm.sql}, {@code V2__rapport_value_limits.sql},
 * {@code V3__rapport_activities.sql}, {@code V4__rapport_campaigns.sql}, {@code V5__rapport_service.sql},
 * {@code V6__rapport_sales.sql}, {@code V7__rapport_analytics.sql},
 * {@code V8__rapport_opportunity_filters.sql}, {@code V9__rapport_match_keys.sql}, {@code V10__rapport_merges.sql}, {@code V11__rapport_mail.sql}, {@code V12__rapport_mail_suppression.sql}, {@code V13__rapport_erasure.sql}, {@code V14__rapport_audit.sql}, {@code V15__rapport_search.sql}, {@code V16__rapport_industry.sql}, {@code V17__rapport_custom_fields.sql}, {@code V18__rapport_service_levels.sql}), Flyway-compatible. Events that a unit of work records are written to the table
 * {@code crm_outbox} in the same transaction; {@link OutboxRelay} delivers them.
 *
 * <pre>{@code
 * Persistence store = JpaPersistence.create(entityManagerFactory);
 * Crm crm = Crm.builder().persistence(store).tenant("acme").build();
 * }</pre>
 *
 * <p>What the adapter guarantees, on every provider:
 * <ul>
 *   <li>Every query names the tenant; every key and lookup index starts with {@code tenant_id}.
 *   <li>Updates are checked against the version the caller read, at the call and again by the
 *       provider's {@code @Version} check at flush; a conflict is a
 *       {@link dev.rapport.crm.exception.ConcurrentUpdateException}, a unique-key violation a
 *       {@link dev.rapport.crm.exception.DuplicateException}, whatever the provider wraps them in.
 *   <li>Ids are assigned by the domain, so inserts go in JDBC batches when the provider batches
 *       (Hibernate {@code hibernate.jdbc.batch_size} with {@code hibernate.order_inserts},
 *       EclipseLink {@code eclipselink.jdbc.batch-writing=JDBC}).
 *   <li>Instants are stored in UTC to the microsecond.
 * </ul>
 *
 * <p>Provider notes: the entities are {@code @Cacheable(false)} (rows change on every node of a
 * host). EclipseLink 4.0 binds a null UUID as VARCHAR, which PostgreSQL refuses for a uuid column:
 * with EclipseLink on PostgreSQL add {@code stringtype=unspecified} to the JDBC URL. MariaDB needs
 * 10.7 or later (the {@code uuid} column type).
 *
 * <p>Thread-safe: each unit of work uses its own entity manager (or the host's current one).
 *
 * @since 0.1
 */
public final class JpaPersistence implements Persistence {
  /** The JPA mapping file listing Rapport's entity classes, for a {@code persistence.xml}. */
  public static final String MAPPING_FILE = "META-INF/rapport-crm-orm.xml";

  private static final List<String> ENTITY_CLASSES = List.of(
      LeadEntity.class.getName(), AccountEntity.class.getName(), ContactEntity.class.getName(),
      ContactEmailEntity.class.getName(), OpportunityEntity.class.getName(),
      OutboxEntity.class.getName(), CampaignEntity.class.getName(),
      CampaignMemberEntity.class.getName(), NullableUuid.class.getName(),
      ActivityEntity.class.getName(), TaskEntity.class.getName(), TimelineEntryEntity.class.getName(),
      CaseEntity.class.getName(), FeedbackEntity.class.getName(), SaleEntity.class.getName(),
      SaleLineEntity.class.getName(), PaymentEntity.class.getName(), PaymentAllocationEntity.class.getName(),
      PayerClassEntity.class.getName(), StageVisitEntity.class.getName(),
      MergeEntity.class.getName(), MergedEntity.class.getName(), MailEntity.class.getName(), MailSuppressionEntity.class.getName(),
      ErasureMarkerEntity.class.getName(), AuditEntity.class.getName(), CustomFieldEntity.class.getName(),
      ServicePolicyEntity.class.getName(), AccountTierEntity.class.getName());

  private final EntityManagerFactory factory;
  private final Supplier<EntityManager> current;
  private final IdGenerator outboxIds = new IdGenerator(Clock.systemUTC());
  /** Whether the database is PostgreSQL (many rows then go in one statement): asked once, on first need. */
  private volatile Boolean postgres;

  private JpaPersistence(EntityManagerFactory factory, Supplier<EntityManager> current) {
    this.factory = factory;
    this.current = current;
  }

  /**
   * A store that runs each unit of work in its own resource-local transaction, on a new entity
   * manager of {@code factory}: committed when the work returns, rolled back when it throws.
   *
   * @param factory a factory whose persistence unit lists {@link #managedClassNames()} and whose
   *     transactions are resource-local
   * @throws NullPointerException if {@code factory} is null
   * @throws IllegalArgumentException if the factory's persistence unit does not manage Rapport's
   *     entities
   */
  public static JpaPersistence create(EntityManagerFactory factory) {
    Objects.requireNonNull(factory, "factory");
    requireEntities(factory);
    return new JpaPersistence(factory, null);
  }

  /**
   * A store that joins the host's transaction: each unit of work runs on the entity manager that
   * {@code currentEntityManager} returns, which must be joined to an active transaction that the
   * host begins and commits. The unit's writes are flushed when its work returns, so a version
   * conflict or duplicate is reported by {@link #inUnitOfWork}; they are stored only when the host
   * commits, and a host rollback leaves no CRM data behind. When the work throws, a resource-local
   * transaction is marked rollback-only; under JTA the host must roll back itself.
   *
   * @param currentEntityManager returns the host's entity manager for the current transaction
   * @throws NullPointerException if {@code currentEntityManager} is null
   */
  public static JpaPersistence joining(Supplier<EntityManager> currentEntityManager) {
    Objects.requireNonNull(currentEntityManager, "currentEntityManager");
    return new JpaPersistence(null, currentEntityManager);
  }

  /**
   * The fully qualified names of Rapport's entity and converter classes, which the host's
   * persistence unit must manage (e.g. {@code PersistenceUnitInfo#getManagedClassNames()}).
   */
  public static List<String> managedClassNames() {
    return ENTITY_CLASSES;
  }

  private static void requireEntities(EntityManagerFactory factory) {
    try {
      factory.getMetamodel().entity(LeadEntity.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the persistence unit does not manage Rapport's entities:"
          + " add JpaPersistence.managedClassNames() or " + MAPPING_FILE, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if {@code tenant} or {@code work} is null
   * @throws IllegalStateException in joining mode, if the current entity manager is not joined to
   *     an active transaction
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if a version check, lock or serialisation
   *     failed at flush or commit
   * @throws dev.rapport.crm.exception.DuplicateException if a unique key was taken at flush or commit
   * @throws dev.rapport.crm.exception.StoreException if the database fails otherwise (nothing of the unit
   *     is stored, unless the failure struck during commit), with the provider's exception as cause
   */
  @Override
  public <T> T inUnitOfWork(TenantId tenant, Function<UnitOfWork, T> work) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(work, "work");
    return factory != null ? own(tenant, work) : joined(tenant, work);
  }

  /**
   * {@inheritDoc}
   *
   * <p>On its own entity manager factory a read runs without a transaction: each statement in
   * auto-commit, nothing flushed, the entity manager closed after (no {@code BEGIN}/{@code COMMIT}
   * round trips, no dirty checking). In joining mode it runs in the host's transaction, as
   * {@link #inUnitOfWork}. Nothing written inside it is stored: {@code Crm} sends only reads here.
   *
   * @throws NullPointerException if {@code tenant} or {@code query} is null
   * @throws dev.rapport.crm.exception.StoreException if the database fails
   */
  @Override
  public <T> T read(TenantId tenant, Function<UnitOfWork, T> query) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(query, "query");
    if (factory == null) {
      return joined(tenant, query);
    }
    boolean pg = postgres(factory); // asked before this unit holds a connection
    EntityManager em = factory.createEntityManager();
    JpaUnitOfWork uow = new JpaUnitOfWork(em, tenant, outboxIds, () -> pg);
    try {
      T result = query.apply(uow);
      uow.close();
      return result;
    } catch (RuntimeException e) {
      uow.close();
      throw Errors.translate(e, uow);
    } finally {
      em.close();
    }
  }

  private <T> T own(TenantId tenant, Function<UnitOfWork, T> work) {
    boolean bulk = postgres(factory); // asked before this unit holds a connection
    EntityManager em = factory.createEntityManager();
    JpaUnitOfWork uow = new JpaUnitOfWork(em, tenant, outboxIds, () -> bulk);
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(uow);
      uow.close();
      em.flush();
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      uow.close();
      rollbackQuietly(tx, e);
      throw Errors.translate(e, uow);
    } finally {
      em.close();
    }
  }

  /**
   * Whether the factory's database is PostgreSQL, asked on the first call ({@link PostgresBulk#isPostgres}:
   * one query of {@code information_schema} on an entity manager of its own).
   */
  private boolean postgres(EntityManagerFactory f) {
    Boolean known = postgres;
    if (known == null) {
      known = PostgresBulk.isPostgres(f);
      postgres = known;
    }
    return known;
  }

  private static void rollbackQuietly(EntityTransaction tx, RuntimeException cause) {
    try {
      if (tx.isActive()) {
        tx.rollback();
      }
    } catch (RuntimeException r) {
      cause.addSuppressed(r);
    }
  }

  private <T> T joined(TenantId tenant, Function<UnitOfWork, T> work) {
    EntityManager em = Objects.requireNonNull(current.get(), "the current entity manager");
    if (!em.isJoinedToTransaction()) {
      throw new IllegalStateException("joining mode needs an entity manager joined to an active"
          + " transaction: begin the host transaction first");
    }
    JpaUnitOfWork uow = new JpaUnitOfWork(em, tenant, outboxIds, () -> postgres(em.getEntityManagerFactory()));
    try {
      T result = work.apply(uow);
      uow.close();
      em.flush();
      uow.detachAll(); // the host's context keeps none of Rapport's rows: flushes stay cheap
      return result;
    } catch (RuntimeException e) {
      uow.close();
      try {
        em.getTransaction().setRollbackOnly();
      } catch (IllegalStateException jta) {
        // a JTA entity manager: the host's transaction manager decides
      }
      throw Errors.translate(e, uow);
    }
  }
}
