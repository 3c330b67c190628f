package dev.rapport.crm.spring;

import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.jpa.JpaPersistence;
import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.spi.UnitOfWork;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link Persistence} that runs Rapport's units of work in Spring's transactions: inside a
 * transaction of the host's (a {@code @Transactional} method, a {@code TransactionTemplate}) a
 * unit of work joins it, so Rapport's writes commit and roll back with the host's; outside of one
 * it runs in a transaction of its own, begun and committed by the same transaction manager
 * (propagation {@code REQUIRED}).
 *
 * <p>The unit's writes are flushed when its work returns, so a version conflict or duplicate is
 * reported by the command that caused it. When a unit of work fails inside the host's
 * transaction, that transaction is marked rollback-only: its commit then fails with Spring's
 * {@code UnexpectedRollbackException}, as when any other participant fails.
 *
 * <p>The auto-configuration makes one on the host's single {@code EntityManagerFactory} and
 * {@code PlatformTransactionManager}; a host with several makes its own with {@link #create}.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class SpringPersistence implements Persistence {
  private final TransactionTemplate transactions;
  /** For reads: a read-only transaction when none is active (Spring tells the provider and the driver). */
  private final TransactionTemplate readOnly;
  private final JpaPersistence joined;

  private SpringPersistence(EntityManagerFactory factory, PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    this.readOnly.setReadOnly(true);
    this.joined = JpaPersistence.joining(() -> current(factory));
  }

  /**
   * A store on {@code factory} whose units of work run in transactions of
   * {@code transactionManager}.
   *
   * @param factory the host's factory; its persistence unit must manage
   *     {@link JpaPersistence#managedClassNames()}
   * @param transactionManager the transaction manager of that factory (a
   *     {@code JpaTransactionManager}, or a JTA one)
   * @return the store
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the persistence unit does not manage Rapport's entities
   */
  public static SpringPersistence create(EntityManagerFactory factory, PlatformTransactionManager transactionManager) {
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(transactionManager, "transactionManager");
    JpaPersistence.create(factory); // checks that the persistence unit manages Rapport's entities
    return new SpringPersistence(factory, transactionManager);
  }

  private static EntityManager current(EntityManagerFactory factory) {
    EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
    if (em == null) {
      throw new IllegalStateException("no entity manager is bound to Spring's transaction: is the"
          + " transaction manager the one of Rapport's EntityManagerFactory?");
    }
    return em;
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if {@code tenant} or {@code work} is null
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if a version check, lock or serialisation
   *     failed at flush
   * @throws dev.rapport.crm.exception.DuplicateException if a unique key was taken at flush
   * @throws dev.rapport.crm.exception.StoreException if the database fails otherwise
   * @throws org.springframework.transaction.TransactionException if Spring's transaction could not
   *     be begun or committed ({@code Crm} reports it as a {@code StoreException})
   */
  @Override
  public <T> T inUnitOfWork(TenantId tenant, Function<UnitOfWork, T> work) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(work, "work");
    return transactions.execute(status -> joined.inUnitOfWork(tenant, work));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Inside the host's transaction a read joins it; outside of one it runs in a read-only
   * transaction of its own (Spring's {@code JpaTransactionManager} then tells the provider not to
   * flush and the JDBC driver that the connection only reads).
   *
   * @throws NullPointerException if {@code tenant} or {@code query} is null
   * @throws dev.rapport.crm.exception.StoreException if the database fails
   */
  @Override
  public <T> T read(TenantId tenant, Function<UnitOfWork, T> query) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(query, "query");
    return readOnly.execute(status -> joined.read(tenant, query));
  }
}
