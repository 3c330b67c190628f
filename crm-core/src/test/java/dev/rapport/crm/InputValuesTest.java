package dev.rapport.crm;

import dev.rapport.crm.exception.ValidationException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.sales.NewSale;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public record a caller can construct and hand to Rapport checks itself in its canonical
 * constructor: a null part, a date or instant outside {@link Limits}, a number that is not finite,
 * a text that no store keeps (blank where required, NUL, a million characters) is a
 * {@link ValidationException} naming that part, never a {@code NullPointerException} later inside a
 * service or a store.
 *
 * <p>The types are found, not listed: every parameter type of every public method of the
 * services {@link Crm} hands out and of {@link Crm.Builder}, then the component types of those
 * records and the parameters of those classes' factories and builders, transitively (a record
 * added tomorrow to a command's signature is checked without anyone listing it). A record is
 * built from a valid sample, then one part at a time is replaced; a class made by a factory
 * (often through a builder) gets a null or an out-of-range value in one argument at a time.
 */
class InputValuesTest {

  /**
   * The public types a caller builds and hands to Rapport, sorted by name: the API types among the
   * parameters of the services' and the builder's public methods, then, transitively, the types of
   * a record's components and the parameters of a class's static factories and of its builder.
   */
  static List<Class<?>> inputTypes() {
    Set<Class<?>> found = new LinkedHashSet<>();
    Deque<Type> todo = new ArrayDeque<>();
    List<Class<?>> entries = new ArrayList<>();
    entries.add(Crm.Builder.class);
    for (Method m : Crm.class.getMethods()) {
      if (m.getParameterCount() == 0 && isApi(m.getReturnType()) && m.getReturnType() != Crm.Builder.class) {
        entries.add(m.getReturnType());
      }
    }
    for (Class<?> entry : entries) {
      for (Method m : entry.getMethods()) {
        if (m.getDeclaringClass() == entry) {
          todo.addAll(Arrays.asList(m.getGenericParameterTypes()));
          if (m.getName().equals("ifVersion") && isApi(m.getReturnType())) {
            // a service's versioned view takes the same arguments
            for (Method v : m.getReturnType().getMethods()) {
              todo.addAll(Arrays.asList(v.getGenericParameterTypes()));
            }
          }
        }
      }
    }
    while (!todo.isEmpty()) {
      for (Class<?> c : classesOf(todo.pop())) {
        if (!isApi(c) || c.isInterface() || c.isEnum() || entries.contains(c) || isAggregate(c) || !found.add(c)) {
          continue;
        }
        if (c.isRecord()) {
          for (RecordComponent rc : c.getRecordComponents()) {
            todo.add(rc.getGenericType());
          }
        }
        for (Method f : factories(c)) {
          todo.addAll(Arrays.asList(f.getGenericParameterTypes()));
        }
        for (Method b : setters(c)) {
          todo.addAll(Arrays.asList(b.getGenericParameterTypes()));
        }
      }
    }
    return found.stream().sorted(Comparator.comparing(Class::getName)).toList();
  }

  /** The records among the input types. */
  static List<Class<?>> inputRecords() {
    return inputTypes().stream().filter(Class::isRecord).toList();
  }

  /** The classes among the input types that are made by a static factory, perhaps through a builder. */
  static List<Class<?>> inputClasses() {
    return inputTypes().stream().filter(c -> !c.isRecord() && !factories(c).isEmpty()).toList();
  }

  /**
   * The public static methods that make the type or its nested {@code Builder} from values (not
   * those that make it from Rapport's own records, such as a scoring model trained on leads).
   */
  private static List<Method> factories(Class<?> c) {
    return Stream.of(c.getMethods()).filter(m -> Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == c)
        .filter(m -> m.getReturnType() == c || isBuilderOf(m.getReturnType(), c))
        .filter(m -> Stream.of(m.getGenericParameterTypes()).flatMap(t -> classesOf(t).stream())
            .noneMatch(InputValuesTest::isAggregate))
        .toList();
  }

  /** A record Rapport makes and stores (it carries the tenant): never an input. */
  private static boolean isAggregate(Class<?> c) {
    return c.isRecord() && Stream.of(c.getRecordComponents()).anyMatch(rc -> rc.getName().equals("tenantId"));
  }

  /** The public methods of the type's nested {@code Builder} that take arguments. */
  private static List<Method> setters(Class<?> c) {
    return Stream.of(c.getClasses()).filter(b -> isBuilderOf(b, c))
        .flatMap(b -> Stream.of(b.getMethods()).filter(m -> m.getDeclaringClass() == b && m.getParameterCount() > 0
            && !Modifier.isStatic(m.getModifiers())))
        .toList();
  }

  private static boolean isBuilderOf(Class<?> b, Class<?> c) {
    return b.getSimpleName().equals("Builder") && b.getEnclosingClass() == c;
  }

  private static boolean isApi(Class<?> c) {
    String name = c.getName();
    return name.startsWith("dev.rapport.crm.") && !name.contains(".internal.") && !name.contains(".spi.")
        && Modifier.isPublic(c.getModifiers());
  }

  private static List<Class<?>> classesOf(Type t) {
    if (t instanceof Class<?> c) {
      return c.isArray() ? classesOf(c.getComponentType()) : List.of(c);
    }
    if (t instanceof ParameterizedType p) {
      List<Class<?>> all = new ArrayList<>(classesOf(p.getRawType()));
      for (Type a : p.getActualTypeArguments()) {
        all.addAll(classesOf(a));
      }
      return all;
    }
    if (t instanceof WildcardType w) {
      return Stream.of(w.getUpperBounds()).flatMap(b -> classesOf(b).stream()).toList();
    }
    if (t instanceof GenericArrayType g) {
      return classesOf(g.getGenericComponentType());
    }
    return List.of();
  }

  @Test
  void theInputRecordsAreFoundFromTheApi() {
    List<String> names = inputRecords().stream().map(Class::getSimpleName).toList();
    // a few that must be among them: if discovery broke, the checks below would prove nothing
    assertThat(names).contains("RepurchaseReminder", "NewSale", "SaleLine", "NewPayment", "Allocation", "Links",
        "Period", "ReportFilter", "PageRequest", "MemberId");
    assertThat(names.size()).isGreaterThan(20);
  }

  @Test
  void theInputClassesAreFoundFromTheApi() {
    List<String> names = inputClasses().stream().map(Class::getSimpleName).toList();
    assertThat(names).as("found: %s", names).contains("NewLead", "NewOpportunity", "NewCampaign", "NewFeedback",
        "EmailAddress", "PhoneNumber");
  }

  /**
   * A class made by a factory (often through a builder) refuses a null or a day or instant outside
   * the range at the factory or at the builder's setter that takes it, with a {@link
   * ValidationException}; a setter may take null to mean "none". Never another exception.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("inputClasses")
  void aFactoryOrBuilderRefusesWhatNoStoreKeepsWithAValidationException(Class<?> type) throws Exception {
    for (Method f : factories(type)) {
      Type[] params = f.getGenericParameterTypes();
      Object[] valid = Stream.of(params).map(p -> value(p, true)).toArray();
      // generated arguments a factory's own rules refuse (a phone number "sample") still show that
      // a null or a value out of range is a ValidationException; only valid ones can show more
      boolean validArgs = invoke(f, null, valid, type.getSimpleName() + "." + f.getName(), -1, "valid") != null;
      for (int i = 0; i < params.length; i++) {
        for (Object b : badArguments(f, i, valid[i])) {
          Object[] args = valid.clone();
          args[i] = b;
          Object made = invoke(f, null, args, type.getSimpleName() + "." + f.getName(), i, b);
          // a value outside the range (not null: it may mean "none") is refused, here or at build()
          if (validArgs && made != null && b != null) {
            assertBuildRefuses(made, type.getSimpleName() + "." + f.getName() + " argument " + i + " = " + describe(b));
          }
        }
      }
      if (validArgs && isBuilderOf(f.getReturnType(), type)) {
        for (Method setter : setters(type)) {
          Type[] sp = setter.getGenericParameterTypes();
          Object[] ok = Stream.of(sp).map(p -> value(p, true)).toArray();
          for (int i = 0; i < sp.length; i++) {
            for (Object b : badArguments(setter, i, ok[i])) {
              Object[] args = ok.clone();
              args[i] = b;
              Object fresh = f.invoke(null, valid);
              invoke(setter, fresh, args, "Builder." + setter.getName(), i, b);
            }
          }
        }
      }
    }
  }

  /** What no store keeps in the method's argument {@code i}, and null where it takes an object. */
  private static List<Object> badArguments(Method m, int i, Object valid) {
    List<Object> bad = new ArrayList<>(outOfRange(m.getGenericParameterTypes()[i], valid));
    if (!m.getParameterTypes()[i].isPrimitive()) {
      bad.add(null);
    }
    return bad;
  }

  /** Calls the method; a {@link ValidationException} is an answer (null), any other exception a failure. */
  private static Object invoke(Method m, Object on, Object[] args, String what, int index, Object bad) {
    try {
      return m.invoke(on, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof ValidationException) {
        return null;
      }
      throw new AssertionError(what + " with argument " + index + " = " + describe(bad) + " threw " + e.getCause()
          + ", not a ValidationException", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertBuildRefuses(Object made, String what) {
    if (!isBuilderOf(made.getClass(), made.getClass().getEnclosingClass())) {
      throw new AssertionError(what + " was accepted: " + describe(made));
    }
    try {
      Object built = made.getClass().getMethod("build").invoke(made);
      throw new AssertionError(what + " was accepted: " + describe(built));
    } catch (InvocationTargetException e) {
      if (!(e.getCause() instanceof ValidationException)) {
        throw new AssertionError(what + ": build() threw " + e.getCause() + ", not a ValidationException", e.getCause());
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputRecords")
  void aValidSampleIsAccepted(Class<?> type) {
    assertThat(sample(type)).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputRecords")
  void aNullPartIsRefusedNamingThePart(Class<?> type) {
    RecordComponent[] parts = type.getRecordComponents();
    Object[] valid = components(sample(type));
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].getType().isPrimitive()) {
        continue;
      }
      Object[] args = valid.clone();
      args[i] = null;
      assertRefused(type, args, parts[i].getName(), "null");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputRecords")
  void aValueNoStoreKeepsIsRefusedNamingThePart(Class<?> type) {
    RecordComponent[] parts = type.getRecordComponents();
    Object[] valid = components(sample(type));
    for (int i = 0; i < parts.length; i++) {
      for (Object bad : outOfRange(parts[i].getGenericType(), valid[i])) {
        Object[] args = valid.clone();
        args[i] = bad;
        assertRefused(type, args, parts[i].getName(), describe(bad));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputRecords")
  void anExtremeNumberIsAcceptedOrRefusedNamingThePart(Class<?> type) {
    RecordComponent[] parts = type.getRecordComponents();
    Object[] valid = components(sample(type));
    for (int i = 0; i < parts.length; i++) {
      for (Object extreme : extremes(parts[i].getType())) {
        Object[] args = valid.clone();
        args[i] = extreme;
        try {
          construct(type, args);
        } catch (ValidationException e) {
          assertNames(e, type, parts[i].getName(), String.valueOf(extreme));
        } catch (RuntimeException e) {
          throw new AssertionError(type.getSimpleName() + " with " + parts[i].getName() + " = " + extreme
              + " threw " + e + ", not a ValidationException", e);
        }
      }
    }
  }

  private static void assertRefused(Class<?> type, Object[] args, String part, String what) {
    try {
      Object made = construct(type, args);
      throw new AssertionError(type.getSimpleName() + " accepted " + part + " = " + what + ": " + describe(made));
    } catch (ValidationException e) {
      assertNames(e, type, part, what);
    } catch (RuntimeException e) {
      throw new AssertionError(type.getSimpleName() + " with " + part + " = " + what + " threw " + e
          + ", not a ValidationException", e);
    }
  }

  /**
   * The field a refusal names is the part, as itself ({@code total}), as a path under the record's
   * role ({@code activity.type}, {@code period.from}) or with an index ({@code lines[0]}); a
   * record of one part (an id, a vocabulary's code) names the role it plays ({@code leadId},
   * {@code source}).
   */
  private static void assertNames(ValidationException e, Class<?> type, String part, String what) {
    String field = e.field();
    boolean names = type.getRecordComponents().length == 1 || part.equals("code") ? !field.isBlank()
        : field.equals(part) || field.endsWith("." + part) || field.startsWith(part + "[")
            || field.startsWith(part + ".") || field.contains("." + part + "[");
    assertThat(names).as("the field named when %s.%s is %s: %s", type.getSimpleName(), part, what, e.getMessage())
        .isTrue();
  }

  /** Values of a part's type that no store keeps, or {@code empty} where the type has none. */
  private static List<Object> outOfRange(Type t, Object valid) {
    if (!(t instanceof ParameterizedType) && !(t instanceof Class<?>)) {
      return List.of(); // a type variable: the caller's type, whatever it keeps
    }
    Class<?> c = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    if (c == Optional.class && valid instanceof Optional<?> o && o.isPresent()) {
      return outOfRange(((ParameterizedType) t).getActualTypeArguments()[0], o.get()).stream()
          .map(x -> (Object) Optional.of(x)).toList();
    }
    if (c == LocalDate.class) {
      return List.of(Limits.EARLIEST_DATE.minusDays(1), Limits.LATEST_DATE.plusDays(1), LocalDate.MIN, LocalDate.MAX);
    }
    if (c == Instant.class) {
      return List.of(Limits.EARLIEST_INSTANT.minusSeconds(1), Instant.MAX, Instant.MIN);
    }
    if (c == double.class || c == Double.class) {
      return List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }
    if (c == String.class) {
      return List.of("x".repeat(1_000_001), "a\u0000b", "\uD800");
    }
    return List.of();
  }

  private static List<Object> extremes(Class<?> c) {
    if (c == int.class || c == Integer.class) {
      return List.of(Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE);
    }
    if (c == long.class || c == Long.class) {
      return List.of(Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE);
    }
    if (c == double.class || c == Double.class) {
      return List.of(-Double.MAX_VALUE, -1.0, 0.0, Double.MAX_VALUE);
    }
    if (c == BigDecimal.class) {
      return List.of(new BigDecimal("-1E+30"), new BigDecimal("1E-30"), new BigDecimal("1E+30"));
    }
    return List.of();
  }

  private static String describe(Object v) {
    String s = String.valueOf(v);
    return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + " chars)" : s.replace("\u0000", "\\0");
  }

  // ------------------------------------------------------------------ samples

  /** Values whose rules tie their parts together beyond what a generator guesses. */
  private static final Map<Class<?>, java.util.function.Supplier<Object>> HAND_WRITTEN = Map.of(
      NewSale.class, () -> NewSale.invoice("INV-1", AccountId.of(UUID.fromString("0190f5a2-7c4e-7d2a-9b1c-3f4e5d6a7b8c")),
          LocalDate.of(2026, 1, 5), "EUR").line("P", "2", "5.00").build());

  /** A valid value of the type: generated from its components' types, or taken from a factory or builder. */
  static Object sample(Class<?> type) {
    if (HAND_WRITTEN.containsKey(type)) {
      return HAND_WRITTEN.get(type).get();
    }
    List<String> failures = new ArrayList<>();
    for (boolean full : type.isRecord() ? new boolean[] {true, false} : new boolean[0]) {
      try {
        return record(type, full);
      } catch (RuntimeException e) {
        failures.add((full ? "full: " : "empty: ") + e);
      }
    }
    for (Field f : type.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == type) {
        try {
          return f.get(null);
        } catch (IllegalAccessException e) {
          failures.add(e.toString());
        }
      }
    }
    for (Method m : type.getMethods()) {
      boolean builder = m.getReturnType().getSimpleName().equals("Builder") && m.getReturnType().getEnclosingClass() == type;
      if (Modifier.isStatic(m.getModifiers()) && (m.getReturnType() == type || builder)) {
        try {
          Object[] args = Stream.of(m.getGenericParameterTypes()).map(p -> value(p, true)).toArray();
          Object made = m.invoke(null, args);
          return builder ? m.getReturnType().getMethod("build").invoke(made) : made;
        } catch (ReflectiveOperationException | RuntimeException e) {
          failures.add(m.getName() + ": " + e);
        }
      }
    }
    throw new IllegalArgumentException("no valid sample of " + type.getName() + ": " + failures);
  }

  private static Object record(Class<?> type, boolean full) {
    RecordComponent[] parts = type.getRecordComponents();
    Object[] args = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      args[i] = value(parts[i].getGenericType(), full);
    }
    return construct(type, args);
  }

  private static Object construct(Class<?> type, Object[] args) {
    Class<?>[] types = Stream.of(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      Constructor<?> c = type.getDeclaredConstructor(types);
      return c.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object[] components(Object record) {
    RecordComponent[] parts = record.getClass().getRecordComponents();
    Object[] values = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        values[i] = parts[i].getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return values;
  }

  private static Object value(Type t, boolean full) {
    if (t instanceof java.lang.reflect.TypeVariable<?> v) {
      return value(v.getBounds()[0], full);
    }
    if (t instanceof WildcardType w) {
      return value(w.getUpperBounds()[0], full);
    }
    if (t == Object.class) {
      return "sample";
    }
    if (t instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) {
        return full ? Optional.of(value(args[0], true)) : Optional.empty();
      }
      if (raw == java.util.function.Consumer.class) {
        return (java.util.function.Consumer<Object>) x -> { };
      }
      if (raw == List.class) {
        return full ? List.of(value(args[0], true)) : List.of();
      }
      if (raw == Set.class) {
        return full ? Set.of(value(args[0], true)) : Set.of();
      }
      if (raw == Map.class) {
        Map<Object, Object> m = new LinkedHashMap<>();
        if (full) {
          m.put(value(args[0], true), value(args[1], true));
        }
        return m;
      }
      throw new IllegalArgumentException("no value of " + t);
    }
    Class<?> c = (Class<?>) t;
    if (c == int.class || c == Integer.class) {
      return 1;
    } else if (c == long.class || c == Long.class) {
      return 1L;
    } else if (c == double.class || c == Double.class) {
      return 1.0;
    } else if (c == boolean.class || c == Boolean.class) {
      return true;
    } else if (c == String.class) {
      return "sample";
    } else if (c == UUID.class) {
      return UUID.fromString("0190f5a2-7c4e-7d2a-9b1c-3f4e5d6a7b8c");
    } else if (c == BigDecimal.class) {
      return BigDecimal.ONE;
    } else if (c == Instant.class) {
      return Instant.parse("2026-01-05T09:00:00Z");
    } else if (c == LocalDate.class) {
      return LocalDate.of(2026, 1, 5);
    } else if (c == LocalTime.class) {
      return LocalTime.NOON;
    } else if (c == YearMonth.class) {
      return YearMonth.of(2026, 1);
    } else if (c == Duration.class) {
      return Duration.ofMinutes(12);
    } else if (c == ZoneOffset.class) {
      return ZoneOffset.UTC;
    } else if (c == Currency.class) {
      return Currency.getInstance("EUR");
    } else if (c == OptionalInt.class) {
      return full ? OptionalInt.of(1) : OptionalInt.empty();
    } else if (c == OptionalLong.class) {
      return full ? OptionalLong.of(1) : OptionalLong.empty();
    } else if (c == OptionalDouble.class) {
      return full ? OptionalDouble.of(0.5) : OptionalDouble.empty();
    } else if (c == Money.class) {
      return Money.of("12.50", "EUR");
    } else if (c == EmailAddress.class) {
      return EmailAddress.of("ada@engines.example");
    } else if (c == PhoneNumber.class) {
      return PhoneNumber.of("+44 20 7183 8750");
    } else if (c.isEnum()) {
      return c.getEnumConstants()[0];
    }
    return sample(c);
  }
}
