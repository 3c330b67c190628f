package dev.rapport.crm.spi;

import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.event.CrmEvent;
import java.util.List;

/**
 * One unit of work of one tenant: its repositories read and write only that tenant's records,
 * and all their writes are stored together or not at all. Valid only inside
 * {@link Persistence#inUnitOfWork}; not thread-safe.
 *
 * <p>The repositories are ports that live beside their feature ({@code lead.LeadRepository},
 * {@code sales.SalesRepository}, ...), so this interface names none of them: a service asks for
 * the port it needs with {@link #port}, and an adapter answers with its implementation of it, the
 * same instance for the whole unit of work.
 */
public interface UnitOfWork {

  /** The tenant this unit of work reads and writes. */
  TenantId tenant();

  /**
   * The adapter's implementation of a repository port, e.g. {@code
   * uow.port(LeadRepository.class)}: the same instance for every call in this unit of work.
   *
   * @throws IllegalArgumentException if the adapter has no implementation of {@code port} (an
   *     adapter written before the port existed)
   */
  <P> P port(Class<P> port);

  /**
   * Hands over the events the unit of work raised, in order, before it commits. A durable
   * adapter writes them to its outbox in the same transaction; one without an outbox ignores them
   * (the core delivers events to listeners after commit either way).
   */
  void recordEvents(List<CrmEvent> events);
}
