package dev.rapport.crm.jackson;

import dev.rapport.crm.activity.TimelineEntry;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.sales.RepurchaseReminder;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sample instances of a type, made from its components' types: a record through its canonical
 * constructor in three variants (every {@code Optional} present and every collection of one
 * element, numbers 1 and 0.5; every {@code Optional} and collection empty; that and every number
 * zero, for rules such as "the parts add up to the whole"), an enum's constants, a
 * vocabulary's first well-known constant. {@link #HAND_WRITTEN} holds the few values whose
 * constructor needs coherent values that a generator cannot guess.
 */
final class Samples {
  /**
   * Values a constructor's rules need to be coherent: an e-mail address and a phone number must
   * parse (they are classes with a factory, not records); a reminder's rhythm is a day or more; a timeline entry's parts must fit its
   * kind (a history line has an event and a summary and no reference), and no service returns
   * one (it is what adapters store).
   */
  static final Map<Class<?>, Supplier<Object>> HAND_WRITTEN = Map.of(
      RepurchaseReminder.class, () -> new RepurchaseReminder(AccountId.of(UUID.fromString("0190f5a2-7c4e-7d2a-9b1c-3f4e5d6a7b8c")),
          Optional.of("LEDGER-SEAT"), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 4), 30.5, -3),
      EmailAddress.class, () -> EmailAddress.of("Ada@Analytical-Engines.example"),
      PhoneNumber.class, () -> PhoneNumber.of("+44 20 7183 8750"),
      TimelineEntry.class, () -> new TimelineEntry(UUID.fromString("0190f5a2-7c4e-7d2a-9b1c-3f4e5d6a7b8c"),
          TenantId.of("acme"), UUID.fromString("0190f5a2-7c4e-7d2a-9b1c-3f4e5d6a7b8d"),
          Instant.parse("2026-01-05T09:00:00Z"), TimelineItem.Kind.HISTORY, Optional.empty(),
          Optional.of("LeadConverted"), Optional.of("Converted into Ada Lovelace at Analytical Engines")),
      dev.rapport.crm.common.BusinessCalendar.class, Samples::calendar,
      dev.rapport.crm.servicelevel.TierRule.class, () -> dev.rapport.crm.servicelevel.TierRule.segment("CHAMPIONS", "LOYAL"),
      dev.rapport.crm.servicelevel.ServiceTier.class, Samples::gold,
      dev.rapport.crm.servicelevel.ServicePolicy.class, () -> dev.rapport.crm.servicelevel.ServicePolicy.of(calendar(), gold(),
          dev.rapport.crm.servicelevel.ServiceTier.named("Standard", dev.rapport.crm.servicelevel.ServiceTarget.hours(8, 40))));

  /** A calendar with a split day, a Saturday morning and a holiday range. */
  static dev.rapport.crm.common.BusinessCalendar calendar() {
    return dev.rapport.crm.common.BusinessCalendar.weekdays(java.time.ZoneId.of("Europe/Berlin"),
            java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0))
        .withHours(java.time.DayOfWeek.SATURDAY, List.of(new dev.rapport.crm.common.BusinessCalendar.Hours(
            java.time.LocalTime.of(9, 0), java.time.LocalTime.of(12, 0)), new dev.rapport.crm.common.BusinessCalendar.Hours(
            java.time.LocalTime.of(13, 0), java.time.LocalTime.MIDNIGHT)))
        .withHoliday(new dev.rapport.crm.common.BusinessCalendar.Holiday(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26),
            "Christmas"));
  }

  /** A tier with a rule of every kind and a least priority. */
  static dev.rapport.crm.servicelevel.ServiceTier gold() {
    return dev.rapport.crm.servicelevel.ServiceTier.named("Gold", dev.rapport.crm.servicelevel.ServiceTarget.hours(1, 8))
        .withTarget(dev.rapport.crm.service.CasePriority.URGENT,
            new dev.rapport.crm.servicelevel.ServiceTarget(Duration.ofMinutes(15), Duration.ofHours(4)))
        .when(dev.rapport.crm.servicelevel.TierRule.segment("CHAMPIONS"))
        .when(dev.rapport.crm.servicelevel.TierRule.bestCustomers(20))
        .when(dev.rapport.crm.servicelevel.TierRule.revenueAtLeast(Money.of("10000.00", "EUR")))
        .when(dev.rapport.crm.servicelevel.TierRule.payerClass(dev.rapport.crm.sales.PayerClass.ON_TIME))
        .when(dev.rapport.crm.servicelevel.TierRule.churnRiskAtLeast(dev.rapport.crm.analytics.ChurnRisk.Level.HIGH))
        .when(dev.rapport.crm.servicelevel.TierRule.flag("key_account", dev.rapport.crm.field.FieldValue.bool(true)))
        .atLeast(dev.rapport.crm.service.CasePriority.HIGH);
  }

  private Samples() {}

  /** The samples of {@code type} the generator can make; what it could not make is in {@code failures}. */
  static List<Object> of(Class<?> type, List<String> failures) {
    List<Object> samples = new ArrayList<>();
    if (HAND_WRITTEN.containsKey(type)) {
      samples.add(HAND_WRITTEN.get(type).get());
    }
    if (type.isEnum()) {
      samples.addAll(List.of(type.getEnumConstants()));
    } else if (type.isRecord()) {
      for (Variant v : Variant.values()) {
        try {
          samples.add(record(type, v));
        } catch (RuntimeException e) {
          failures.add(v + ": " + e);
        }
      }
    } else if (!HAND_WRITTEN.containsKey(type)) {
      failures.add("no generator for " + type.getName());
    }
    return samples;
  }

  /** Which values a generated record holds. */
  enum Variant {
    FULL,
    EMPTY,
    ZERO
  }

  private static Object record(Class<?> type, Variant variant) {
    boolean full = variant == Variant.FULL;
    RecordComponent[] components = type.getRecordComponents();
    if (type == Money.class) {
      return Money.of("12.50", "EUR");
    }
    Map<String, Object> constants = Shapes.of(type) == null ? Map.of() : Shapes.constants(type);
    if (!constants.isEmpty() && full) {
      return constants.values().iterator().next();
    }
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      args[i] = value(components[i].getGenericType(), variant);
      types[i] = components[i].getType();
    }
    try {
      Constructor<?> c = type.getDeclaredConstructor(types);
      c.setAccessible(true);
      return c.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(type.getSimpleName() + " refuses the sample: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A value of a component's type; nested records take any sample that their rules accept. */
  static Object value(Type t, Variant variant) {
    boolean full = variant == Variant.FULL;
    boolean zero = variant == Variant.ZERO;
    if (t instanceof TypeVariable<?>) {
      return any(dev.rapport.crm.common.LeadId.class);
    }
    if (t instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) {
        return full ? Optional.of(value(args[0], Variant.FULL)) : Optional.empty();
      }
      if (raw == List.class) {
        return full ? List.of(value(args[0], Variant.FULL)) : List.of();
      }
      if (raw == Set.class) {
        return full ? Set.of(value(args[0], Variant.FULL)) : Set.of();
      }
      if (raw == Map.class) {
        Map<Object, Object> m = new LinkedHashMap<>();
        if (full) {
          m.put(value(args[0], Variant.FULL), value(args[1], Variant.FULL));
        }
        return m;
      }
      throw new IllegalArgumentException("no generator for " + t);
    }
    Class<?> c = (Class<?>) t;
    if (c == int.class || c == Integer.class) {
      return zero ? 0 : 1;
    } else if (c == long.class || c == Long.class) {
      return zero ? 0L : 1L;
    } else if (c == double.class || c == Double.class) {
      return zero ? 0.0 : 0.5;
    } else if (c == boolean.class || c == Boolean.class) {
      return true;
    } else if (c == String.class) {
      return "sample";
    } else if (c == UUID.class) {
      return UUID.fromString("0190f5a2-7c4e-7d2a-9b1c-3f4e5d6a7b8c");
    } else if (c == BigDecimal.class) {
      return zero ? BigDecimal.ZERO : new BigDecimal("0.250");
    } else if (c == Instant.class) {
      return Instant.parse("2026-01-05T09:00:00.123Z");
    } else if (c == LocalDate.class) {
      return LocalDate.of(2026, 1, 5);
    } else if (c == java.time.LocalTime.class) {
      return zero ? java.time.LocalTime.MIDNIGHT : java.time.LocalTime.of(9, 30);
    } else if (c == YearMonth.class) {
      return YearMonth.of(2026, 1);
    } else if (c == Duration.class) {
      return Duration.ofMinutes(12);
    } else if (c == Currency.class) {
      return Currency.getInstance("EUR");
    } else if (c == OptionalInt.class) {
      return full ? OptionalInt.of(1) : OptionalInt.empty();
    } else if (c == OptionalLong.class) {
      return full ? OptionalLong.of(1) : OptionalLong.empty();
    } else if (c == OptionalDouble.class) {
      return full ? OptionalDouble.of(0.5) : OptionalDouble.empty();
    } else if (c.isEnum()) {
      return c.getEnumConstants()[0];
    }
    return any(c);
  }

  private static Object any(Class<?> c) {
    List<String> failures = new ArrayList<>();
    List<Object> samples = of(c, failures);
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no sample of " + c.getSimpleName() + ": " + failures);
    }
    return samples.get(0);
  }
}
