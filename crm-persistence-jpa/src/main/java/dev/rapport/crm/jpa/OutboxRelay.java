package dev.rapport.crm.jpa;

import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Delivers the events in {@code crm_outbox} to the host (a message broker, a webhook, a search
 * index), at least once. The host calls {@link #deliver} from a scheduler of its own; Rapport
 * starts no threads. Events come in outbox order, which keeps the order of each record's events;
 * an event is marked delivered only after the consumer returned, so an event whose delivery was
 * cut short (the consumer threw, the process died) is delivered again by a later call. Consumers
 * should therefore be idempotent, e.g. by the message's {@link OutboxMessage#id()}.
 *
 * <p>Reads all tenants. Thread-safe, but meant to run in one instance at a time: two relays
 * running together may each deliver the same event.
 *
 * @since 0.1
 */
public final class OutboxRelay {
  private final EntityManagerFactory factory;
  private final Clock clock;

  private OutboxRelay(EntityManagerFactory factory, Clock clock) {
    this.factory = factory;
    this.clock = clock;
  }

  /**
   * A relay over the outbox of the given persistence unit, marking deliveries with the system
   * clock.
   *
   * @throws NullPointerException if {@code factory} is null
   */
  public static OutboxRelay create(EntityManagerFactory factory) {
    return create(factory, Clock.systemUTC());
  }

  /**
   * A relay marking deliveries with the given clock.
   *
   * @throws NullPointerException if an argument is null
   */
  public static OutboxRelay create(EntityManagerFactory factory, Clock clock) {
    return new OutboxRelay(Objects.requireNonNull(factory, "factory"), Objects.requireNonNull(clock, "clock"));
  }

  /**
   * The oldest undelivered events, at most {@code max}, in outbox order.
   *
   * @throws IllegalArgumentException if {@code max} is not positive
   * @throws StoreException if the database fails
   */
  public List<OutboxMessage> pending(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive: " + max);
    }
    return inTransaction(em -> em.createQuery("select o from RapportOutboxEvent o"
            + " where o.deliveredAt is null order by o.id", OutboxEntity.class)
        .setMaxResults(max)
        .getResultList().stream()
        .map(OutboxRelay::message)
        .toList());
  }

  /**
   * Marks events delivered; ids already marked or unknown are ignored.
   *
   * @return how many events were marked
   * @throws NullPointerException if {@code ids} is null or holds null
   * @throws StoreException if the database fails
   */
  public int markDelivered(List<UUID> ids) {
    List<UUID> list = List.copyOf(ids);
    if (list.isEmpty()) {
      return 0;
    }
    return inTransaction(em -> em.createQuery("update RapportOutboxEvent o set o.deliveredAt = :now"
            + " where o.id in :ids and o.deliveredAt is null")
        .setParameter("now", Mapping.toColumn(clock.instant()))
        .setParameter("ids", list)
        .executeUpdate());
  }

  /**
   * Deletes the events delivered before {@code before}: the outbox keeps delivered events until
   * the host purges them, e.g. a week later.
   *
   * @return how many events were deleted
   * @throws NullPointerException if {@code before} is null
   * @throws StoreException if the database fails
   */
  public int purgeDelivered(Instant before) {
    Objects.requireNonNull(before, "before");
    // no stored instant lies outside the core's range: a bound beyond it means the same as its edge
    if (before.isAfter(Limits.LATEST_INSTANT)) {
      before = Limits.LATEST_INSTANT;
    } else if (before.isBefore(Limits.EARLIEST_INSTANT)) {
      return 0;
    }
    Instant bound = before;
    return inTransaction(em -> em.createQuery("delete from RapportOutboxEvent o"
            + " where o.deliveredAt is not null and o.deliveredAt < :before")
        .setParameter("before", Mapping.toColumn(bound))
        .executeUpdate());
  }

  /**
   * Hands the oldest undelivered events, at most {@code max}, to {@code consumer} one by one in
   * outbox order, and marks those it accepted delivered. If the consumer throws, the events before
   * are marked, the failing one and those after stay pending, and the exception propagates.
   *
   * @return how many events were delivered
   * @throws NullPointerException if {@code consumer} is null
   * @throws IllegalArgumentException if {@code max} is not positive
   */
  public int deliver(int max, Consumer<OutboxMessage> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    List<OutboxMessage> batch = pending(max);
    List<UUID> done = new ArrayList<>(batch.size());
    try {
      for (OutboxMessage m : batch) {
        consumer.accept(m);
        done.add(m.id());
      }
    } finally {
      markDelivered(done);
    }
    return done.size();
  }

  private static OutboxMessage message(OutboxEntity o) {
    return new OutboxMessage(o.id, TenantId.of(o.tenantId), o.aggregateType, o.aggregateId,
        o.eventType, o.payload, Mapping.fromColumn(o.occurredAt));
  }

  private <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager em = factory.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(em);
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      try {
        if (tx.isActive()) {
          tx.rollback();
        }
      } catch (RuntimeException r) {
        e.addSuppressed(r);
      }
      throw e instanceof PersistenceException ? new StoreException("the outbox relay's database work failed: "
          + e.getMessage(), e) : e;
    } finally {
      em.close();
    }
  }
}
