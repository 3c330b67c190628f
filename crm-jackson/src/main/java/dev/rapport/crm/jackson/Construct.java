package dev.rapport.crm.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calls Rapport's constructors and factories; what they refuse becomes Jackson's exception. */
final class Construct {
  private Construct() {}

  /**
   * Calls a constructor or static factory.
   *
   * @throws ValueInstantiationException with the refusal (a {@code ValidationException} naming
   *     the field and the rule) as its cause
   */
  static Object call(JsonParser p, JavaType type, Executable e, Object... args) throws ValueInstantiationException {
    try {
      return e instanceof Constructor<?> c ? c.newInstance(args) : ((Method) e).invoke(null, args);
    } catch (InvocationTargetException x) {
      Throwable cause = x.getCause();
      throw ValueInstantiationException.from(p, "Cannot construct " + type.getRawClass().getSimpleName() + ": "
          + cause.getMessage(), type, cause);
    } catch (ReflectiveOperationException | IllegalArgumentException x) {
      throw ValueInstantiationException.from(p, "Cannot construct " + type.getRawClass().getSimpleName() + ": "
          + x, type, x);
    }
  }

  /** The canonical constructor of a record. */
  static Constructor<?> canonical(Class<?> record) {
    Class<?>[] types = java.util.Arrays.stream(record.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      Constructor<?> c = record.getDeclaredConstructor(types);
      c.trySetAccessible();
      return c;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a record without its canonical constructor: " + record, e);
    }
  }
}
