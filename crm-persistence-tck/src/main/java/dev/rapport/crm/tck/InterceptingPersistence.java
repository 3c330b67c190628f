package dev.rapport.crm.tck;

import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.spi.UnitOfWork;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Wraps an adapter's {@link Persistence} and calls an {@link Interceptor} around every call of
 * every repository port, so that a test can inject a failure (throw from {@code before}) or pause
 * a thread at a chosen point. Operations are named by the port and the method: {@code
 * "LeadRepository.update"}, {@code "OpportunityRepository.insert"}, ...; the argument an
 * interceptor sees is the call's first (null for none). One dynamic proxy per port, so a port or
 * method added tomorrow is intercepted without a line here.
 */
final class InterceptingPersistence implements Persistence {

  /** Sees every repository call. */
  interface Interceptor {
    /** Called before the call reaches the adapter; throw to make the call fail. */
    default void before(String operation, Object argument) {}

    /** Called after the adapter returned. */
    default void after(String operation, Object result) {}
  }

  private final Persistence delegate;
  private final Interceptor interceptor;

  InterceptingPersistence(Persistence delegate, Interceptor interceptor) {
    this.delegate = delegate;
    this.interceptor = interceptor;
  }

  /** A wrapper that throws {@code failure} on the first call of {@code operation} matching. */
  static InterceptingPersistence failingOn(Persistence delegate, String operation, Predicate<Object> when,
      RuntimeException failure) {
    return new InterceptingPersistence(delegate, new Interceptor() {
      @Override
      public void before(String op, Object argument) {
        if (op.equals(operation) && when.test(argument)) {
          throw failure;
        }
      }
    });
  }

  @Override
  public <T> T inUnitOfWork(TenantId tenant, Function<UnitOfWork, T> work) {
    return delegate.inUnitOfWork(tenant, uow -> work.apply(new Uow(uow)));
  }

  @Override
  public <T> T read(TenantId tenant, Function<UnitOfWork, T> query) {
    return delegate.read(tenant, uow -> query.apply(new Uow(uow)));
  }

  private <T> T call(String op, Object arg, Supplier<T> body) {
    interceptor.before(op, arg);
    T result = body.get();
    interceptor.after(op, result);
    return result;
  }

  private final class Uow implements UnitOfWork {
    private final UnitOfWork d;
    private final Map<Class<?>, Object> ports = new HashMap<>();

    Uow(UnitOfWork d) {
      this.d = d;
    }

    @Override
    public TenantId tenant() {
      return d.tenant();
    }

    @Override
    public <P> P port(Class<P> port) {
      return port.cast(ports.computeIfAbsent(port, p -> intercepted(port, d.port(port))));
    }

    private <P> Object intercepted(Class<P> port, P target) {
      return Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
        if (method.getDeclaringClass() == Object.class) {
          return method.invoke(target, args);
        }
        return call(port.getSimpleName() + "." + method.getName(), args == null ? null : args[0],
            () -> invoke(method, target, args));
      });
    }

    @Override
    public void recordEvents(List<CrmEvent> events) {
      call("recordEvents", events, () -> {
        d.recordEvents(events);
        return null;
      });
    }
  }

  /** Calls the adapter as it is, its exception unwrapped. */
  private static Object invoke(Method method, Object target, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
