package dev.rapport.crm.spi;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * Copies of one kind of Rapport record with another version, for adapters, which store and count
 * versions: {@code Versions.of(Lead.class).with(lead, 1)}. Works on every record whose components
 * include a {@code long version} (each aggregate and campaign member); the copy is built through the
 * record's canonical constructor, so it passes the same checks as any other. Build one per kind and
 * keep it: finding the constructor costs a little reflection, a copy afterwards costs as much as
 * calling the constructor. Immutable and thread-safe.
 *
 * @param <R> the record type
 */
public final class Versions<R extends Record> {
  private final Class<R> type;
  private final MethodHandle[] components;
  private final int version;
  private final MethodHandle constructor;

  private Versions(Class<R> type, MethodHandle[] components, int version, MethodHandle constructor) {
    this.type = type;
    this.components = components;
    this.version = version;
    this.constructor = constructor;
  }

  /**
   * The copier for one record type.
   *
   * @throws NullPointerException if {@code type} is null
   * @throws IllegalArgumentException if {@code type} has no {@code long version} component or its
   *     canonical constructor is not public
   */
  public static <R extends Record> Versions<R> of(Class<R> type) {
    Objects.requireNonNull(type, "type");
    RecordComponent[] parts = type.getRecordComponents();
    if (parts == null) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    MethodHandle[] getters = new MethodHandle[parts.length];
    Class<?>[] types = new Class<?>[parts.length];
    int versionAt = -1;
    try {
      for (int i = 0; i < parts.length; i++) {
        types[i] = parts[i].getType();
        getters[i] = lookup.unreflect(parts[i].getAccessor()).asType(MethodType.methodType(Object.class, Object.class));
        if (parts[i].getName().equals("version") && parts[i].getType() == long.class) {
          versionAt = i;
        }
      }
      if (versionAt < 0) {
        throw new IllegalArgumentException(type.getName() + " has no long version component");
      }
      MethodHandle canonical = lookup.unreflectConstructor(type.getConstructor(types))
          .asSpreader(Object[].class, parts.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
      return new Versions<>(type, getters, versionAt, canonical);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalArgumentException(type.getName() + " has no public canonical constructor", e);
    }
  }

  /**
   * {@code record} with {@code newVersion}, every other component the same.
   *
   * @throws NullPointerException if {@code record} is null
   * @throws dev.rapport.crm.exception.ValidationException if the record refuses the version (a
   *     negative one)
   */
  public R with(R record, long newVersion) {
    Objects.requireNonNull(record, "record");
    Object[] args = new Object[components.length];
    try {
      for (int i = 0; i < args.length; i++) {
        args[i] = i == version ? (Object) newVersion : components[i].invokeExact((Object) record);
      }
      return type.cast((Object) constructor.invokeExact(args));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot copy " + type.getName(), e);
    }
  }

  @Override
  public String toString() {
    return "Versions[" + type.getSimpleName() + "]";
  }
}
