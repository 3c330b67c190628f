package dev.rapport.crm.internal.context;

import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * The skeleton every command on one existing aggregate shares, written once: read the aggregate
 * in the command's unit of work (a {@link NotFoundException} if the tenant has none), check the
 * version the caller expects (a service's {@code ifVersion}; -1 for any), apply the change, store
 * it unless it changed nothing, and let the service raise what changed. Internal: may change
 * without notice.
 *
 * @param <I> the aggregate's id type
 * @param <A> the aggregate
 */
public final class Versioned<I, A> {

  /** A change of the aggregate at {@code now}; the unit of work is there for what it must read. */
  @FunctionalInterface
  public interface Change<A> {
    A apply(UnitOfWork uow, A before, Instant now);
  }

  /** What the service raises once the change is stored. */
  @FunctionalInterface
  public interface Events<A> {
    void raise(CrmContext.Command cmd, A before, A stored, Instant now);

    /** Raises nothing. */
    static <A> Events<A> none() {
      return (cmd, before, stored, now) -> { };
    }
  }

  private final CrmContext ctx;
  private final String kind;
  private final String idField;
  private final BiFunction<UnitOfWork, I, Optional<A>> find;
  private final BiFunction<UnitOfWork, A, A> update;
  private final ToLongFunction<A> version;

  /**
   * @param kind the aggregate's name in exceptions, e.g. {@code "lead"}
   * @param idField the id's field name in a {@link dev.rapport.crm.exception.ValidationException}
   * @param find how the unit of work finds one
   * @param update how the unit of work stores a changed one
   * @param version the aggregate's version
   */
  public Versioned(CrmContext ctx, String kind, String idField, BiFunction<UnitOfWork, I, Optional<A>> find,
      BiFunction<UnitOfWork, A, A> update, ToLongFunction<A> version) {
    this.ctx = ctx;
    this.kind = kind;
    this.idField = idField;
    this.find = find;
    this.update = update;
    this.version = version;
  }

  /** The aggregate, read in the unit of work; a {@link NotFoundException} if the tenant has none. */
  public A load(UnitOfWork uow, I id) {
    return find.apply(uow, id).orElseThrow(() -> new NotFoundException(kind, id));
  }

  /** Checks that the aggregate is at the version the caller expects (-1: any). */
  public void checkVersion(I id, A current, long expectedVersion) {
    Check.version(kind, id, version.applyAsLong(current), expectedVersion);
  }

  /** Runs the change as one command and returns the aggregate as stored (or as it was, if unchanged). */
  public A change(I id, long expectedVersion, Change<A> change, Events<A> events) {
    Check.notNull(id, idField);
    return ctx.command(cmd -> {
      A before = load(cmd.uow(), id);
      checkVersion(id, before, expectedVersion);
      Instant now = ctx.now();
      A after = change.apply(cmd.uow(), before, now);
      if (after.equals(before)) {
        return before;
      }
      A stored = update.apply(cmd.uow(), after);
      cmd.changed(kind, id, before, stored);
      events.raise(cmd, before, stored, now);
      return stored;
    });
  }
}
