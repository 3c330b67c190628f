package dev.rapport.crm.internal.context;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * Builds a feature's service through its package-private constructor taking a {@link CrmContext}, so
 * that no public constructor names an internal type and a host reaches services only through
 * {@code Crm}. Reflection within crm-core's own module, which Java allows on the class path and the
 * module path alike; {@code ArchitectureTest} checks that every service has that constructor. Internal:
 * may change without notice.
 */
public final class Services {
  private Services() {}

  /**
   * A new {@code type} on {@code ctx}.
   *
   * @throws IllegalStateException if {@code type} has no constructor taking a {@link CrmContext}
   */
  public static <S> S create(Class<S> type, CrmContext ctx) {
    try {
      Constructor<S> constructor = type.getDeclaredConstructor(CrmContext.class);
      constructor.setAccessible(true);
      return constructor.newInstance(ctx);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("cannot build " + type.getName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getName(), e);
    }
  }
}
