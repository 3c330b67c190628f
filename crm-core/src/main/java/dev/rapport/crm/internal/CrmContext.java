package dev.rapport.crm.internal;

import dev.rapport.crm.CrmException;
import dev.rapport.crm.StoreException;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.CrmEventListener;
import dev.rapport.crm.lead.TemperaturePolicy;
import dev.rapport.crm.opportunity.Pipeline;
import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every application service of one {@code Crm} shares: the store, the tenant, the clock,
 * the id generator, the policies and the listeners; and the way a command runs: in one unit of
 * work, with its events recorded before commit and delivered after. Internal: may change
 * without notice.
 */
public final class CrmContext {
  private static final Logger LOG = LoggerFactory.getLogger(CrmContext.class);

  private final Persistence persistence;
  private final TenantId tenant;
  private final Clock clock;
  private final IdGenerator ids;
  private final TemperaturePolicy temperaturePolicy;
  private final Pipeline pipeline;
  private final List<CrmEventListener> listeners;
  private final SalesSettings sales;

  /** Made by {@code Crm.Builder}; all arguments already checked. */
  public CrmContext(Persistence persistence, TenantId tenant, Clock clock, IdGenerator ids,
      TemperaturePolicy temperaturePolicy, Pipeline pipeline, List<CrmEventListener> listeners,
      SalesSettings sales) {
    this.persistence = persistence;
    this.tenant = tenant;
    this.clock = clock;
    this.ids = ids;
    this.temperaturePolicy = temperaturePolicy;
    this.pipeline = pipeline;
    this.listeners = List.copyOf(listeners);
    this.sales = sales;
  }

  /** The zone of the clock: where a day starts. */
  public java.time.ZoneId clockZone() {
    return clock.getZone();
  }

  public SalesSettings sales() {
    return sales;
  }

  /** The clock's day, in the clock's zone: what "today" means for due days and rhythms. */
  public java.time.LocalDate today() {
    return Check.date(java.time.LocalDate.ofInstant(now(), clock.getZone()), "clock");
  }

  public TenantId tenant() {
    return tenant;
  }

  /**
   * The clock's instant, kept to the microsecond as the store keeps it.
   *
   * @throws dev.rapport.crm.ValidationException (field {@code clock}) if the clock is outside
   *     the range of {@link dev.rapport.crm.common.Limits#EARLIEST_INSTANT}
   */
  public Instant now() {
    return Check.instant(clock.instant(), "clock");
  }

  public IdGenerator ids() {
    return ids;
  }

  public TemperaturePolicy temperaturePolicy() {
    return temperaturePolicy;
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  /** Runs a read-only query in one unit of work. */
  public <T> T read(Function<UnitOfWork, T> query) {
    try {
      return persistence.inUnitOfWork(tenant, query);
    } catch (CrmException e) {
      throw e;
    } catch (RuntimeException e) {
      throw storeFailure(e);
    }
  }

  /**
   * Whatever an adapter throws that is not one of Rapport's exceptions reaches the caller as a
   * {@link StoreException} with it as the cause: callers catch Rapport's types only.
   */
  private StoreException storeFailure(RuntimeException e) {
    return new StoreException("the store failed (" + persistence.getClass().getSimpleName() + ", tenant "
        + tenant.value() + "): " + e, e);
  }

  /**
   * Runs a command in one unit of work. The events it raises are handed to the unit of work before
   * it commits and delivered to the listeners after; if the command throws, nothing is stored and
   * no event is delivered.
   */
  public <T> T command(Function<Command, T> work) {
    List<CrmEvent> events = new ArrayList<>();
    T result;
    try {
      result = persistence.inUnitOfWork(tenant, uow -> {
        events.clear(); // an adapter may retry the function; keep only the last attempt's events
        Command command = new Command(uow, events);
        T r = work.apply(command);
        if (!events.isEmpty()) {
          List<dev.rapport.crm.activity.TimelineEntry> history = TimelineHistory.entries(events, tenant, ids::next);
          if (!history.isEmpty()) {
            uow.timeline().add(history);
          }
          uow.recordEvents(List.copyOf(events));
        }
        return r;
      });
    } catch (CrmException e) {
      throw e;
    } catch (RuntimeException e) {
      throw storeFailure(e);
    }
    for (CrmEvent event : events) {
      for (CrmEventListener listener : listeners) {
        try {
          listener.on(event);
        } catch (RuntimeException e) {
          LOG.warn("Event listener {} failed on {}; the command stays committed", listener, event, e);
        }
      }
    }
    return result;
  }

  /** A running command: its unit of work and the events it raised so far. */
  public static final class Command {
    private final UnitOfWork uow;
    private final List<CrmEvent> events;

    Command(UnitOfWork uow, List<CrmEvent> events) {
      this.uow = uow;
      this.events = events;
    }

    public UnitOfWork uow() {
      return uow;
    }

    /** Raises an event, delivered after commit. */
    public void raise(CrmEvent event) {
      events.add(event);
    }
  }
}
