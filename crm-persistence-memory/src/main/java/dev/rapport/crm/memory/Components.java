package dev.rapport.crm.memory;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * A copy of a record with one component replaced: how this adapter re-points a stored record's
 * link (a merge moves an activity, a case, a lead's conversion to another contact) without a
 * hand-written copy per record type. The record's constructor checks the new value as always.
 */
final class Components {
  private Components() {}

  /**
   * The record with {@code component} set to {@code value}, through its canonical constructor.
   *
   * @throws IllegalArgumentException if the record has no such component
   */
  @SuppressWarnings("unchecked")
  static <R extends Record> R with(R record, String component, Object value) {
    RecordComponent[] parts = record.getClass().getRecordComponents();
    Object[] args = new Object[parts.length];
    Class<?>[] types = new Class<?>[parts.length];
    boolean found = false;
    try {
      for (int i = 0; i < parts.length; i++) {
        types[i] = parts[i].getType();
        if (parts[i].getName().equals(component)) {
          args[i] = value;
          found = true;
        } else {
          args[i] = parts[i].getAccessor().invoke(record);
        }
      }
      if (!found) {
        throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + component);
      }
      Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
      return (R) canonical.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + record.getClass().getName(), e);
    }
  }
}
