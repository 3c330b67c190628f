package dev.rapport.crm.internal.context;

import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.IdGenerator;

import dev.rapport.crm.exception.CrmException;
import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.CrmEventListener;
import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
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
  private final Map<Class<?>, Object> settings;
  private final List<CrmEventListener> listeners;
  private final BiConsumer<UnitOfWork, List<CrmEvent>> beforeCommit;
  private final String actor;

  /**
   * Made by {@code Crm.Builder}; all arguments already checked.
   *
   * @param settings the features' settings by type (the pipeline, the temperature policy, ...)
   * @param beforeCommit what every command that raised events does with them in its unit of work,
   *     before the adapter records them (the timeline's history entries)
   */
  public CrmContext(Persistence persistence, TenantId tenant, Clock clock, IdGenerator ids,
      Map<Class<?>, Object> settings, List<CrmEventListener> listeners,
      BiConsumer<UnitOfWork, List<CrmEvent>> beforeCommit) {
    this.persistence = persistence;
    this.tenant = tenant;
    this.clock = clock;
    this.ids = ids;
    this.settings = Map.copyOf(settings);
    this.listeners = List.copyOf(listeners);
    this.beforeCommit = beforeCommit;
    this.actor = "system";
  }

  private CrmContext(CrmContext of, String actor) {
    this.persistence = of.persistence;
    this.tenant = of.tenant;
    this.clock = of.clock;
    this.ids = of.ids;
    this.settings = of.settings;
    this.listeners = of.listeners;
    this.beforeCommit = of.beforeCommit;
    this.actor = actor;
    this.screen = of.screen;
  }

  /** This context acting for {@code actor} (checked by the caller): the audit trail names them. */
  public CrmContext withActor(String actor) {
    return new CrmContext(this, actor);
  }

  /** Who the commands of this context act for (the audit trail's actor). */
  public String actor() {
    return actor;
  }

  /**
   * The {@code Crm}'s setting of this type: its {@code Pipeline}, {@code TemperaturePolicy} or
   * {@code SalesSettings}. A feature reads its own settings so; this class names none of them.
   *
   * @throws IllegalStateException if the {@code Crm} was built without one
   */
  public <T> T setting(Class<T> type) {
    Object value = settings.get(type);
    if (value == null) {
      throw new IllegalStateException("this Crm has no setting " + type.getName());
    }
    return type.cast(value);
  }

  /** The {@code Crm}'s optional setting of this type (e.g. a {@code MailTransport}), or null. */
  public <T> T settingOrNull(Class<T> type) {
    Object value = settings.get(type);
    return value == null ? null : type.cast(value);
  }

  private volatile RecordScreen screen = RecordScreen.NONE;

  /** What looks at each new lead and contact before it is stored ({@link RecordScreen#NONE} by default). */
  public RecordScreen screen() {
    return screen;
  }

  /**
   * Sets the screen; called once, by the service that owns it, while the {@code Crm} is built.
   *
   * @throws NullPointerException if it is null
   */
  public void screenWith(RecordScreen s) {
    this.screen = java.util.Objects.requireNonNull(s, "screen");
  }

  /** The zone of the clock: where a day starts. */
  public java.time.ZoneId clockZone() {
    return clock.getZone();
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
   * @throws dev.rapport.crm.exception.ValidationException (field {@code clock}) if the clock is outside
   *     the range of {@link dev.rapport.crm.common.Limits#EARLIEST_INSTANT}
   */
  public Instant now() {
    return Check.instant(clock.instant(), "clock");
  }

  public IdGenerator ids() {
    return ids;
  }



  /** Runs a read-only query in one unit of work ({@link Persistence#read}). */
  public <T> T read(Function<UnitOfWork, T> query) {
    try {
      return persistence.read(tenant, query);
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
        AuditHook audit = settingOrNull(AuditHook.class);
        if (audit != null && (!events.isEmpty() || !command.changes.isEmpty())) {
          audit.record(uow, actor, now(), List.copyOf(events), List.copyOf(command.changes));
        }
        if (!events.isEmpty()) {
          List<CrmEvent> raised = List.copyOf(events);
          beforeCommit.accept(uow, raised);
          uow.recordEvents(raised);
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
    private final List<AuditHook.Change> changes = new ArrayList<>();

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

    /** Notes a change of a record for the audit trail (the {@link Versioned} skeleton notes its own). */
    public void changed(String kind, Object id, Object before, Object after) {
      changes.add(new AuditHook.Change(kind, id, before, after));
    }
  }
}
