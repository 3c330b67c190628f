package dev.rapport.crm.memory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Copies of one record type with one component replaced: how this adapter re-points a stored
 * record's link (a merge moves an activity, a case, a lead's conversion to another contact)
 * without a hand-written copy per record type. The record's constructor checks the new value as
 * always. Immutable once made: keep one per type in a constant, as {@code Versions} is kept.
 *
 * @param <R> the record type
 */
final class Components<R extends Record> {
  private final Class<R> type;
  private final String[] names;
  private final MethodHandle[] accessors;
  private final MethodHandle constructor;

  private Components(Class<R> type, String[] names, MethodHandle[] accessors, MethodHandle constructor) {
    this.type = type;
    this.names = names;
    this.accessors = accessors;
    this.constructor = constructor;
  }

  /** The copier of a record type (its components and canonical constructor, looked up once). */
  static <R extends Record> Components<R> of(Class<R> type) {
    try {
      RecordComponent[] parts = type.getRecordComponents();
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      String[] names = new String[parts.length];
      MethodHandle[] accessors = new MethodHandle[parts.length];
      Class<?>[] types = new Class<?>[parts.length];
      for (int i = 0; i < parts.length; i++) {
        names[i] = parts[i].getName();
        types[i] = parts[i].getType();
        accessors[i] = lookup.unreflect(parts[i].getAccessor());
      }
      MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
          .asSpreader(Object[].class, parts.length);
      return new Components<>(type, names, accessors, constructor);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + type.getName(), e);
    }
  }

  /**
   * The record with {@code component} set to {@code value}, through its canonical constructor.
   *
   * @throws IllegalArgumentException if the record has no such component
   */
  R with(R record, String component, Object value) {
    int at = Arrays.asList(names).indexOf(component);
    if (at < 0) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no component " + component);
    }
    Object[] args = new Object[names.length];
    try {
      for (int i = 0; i < names.length; i++) {
        args[i] = i == at ? value : accessors[i].invoke(record);
      }
      return type.cast(constructor.invoke(args));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot copy " + type.getName(), e);
    }
  }
}
