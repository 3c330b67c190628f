package dev.rapport.crm.jackson;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PhoneNumber;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Which JSON shape a Rapport type has; see {@link RapportModule}. */
final class Shapes {
  private static final String PACKAGE = "dev.rapport.crm.";

  enum Shape {
    /** {@code Money}: amount and currency. */
    MONEY,
    /** {@code BusinessCalendar}: zone, week and holidays. */
    CALENDAR,
    /** A JSON string: ids, tenant, e-mail, phone, single-code vocabularies. */
    STRING,
    /** A code string when a well-known constant, otherwise an object ({@code SignalType}). */
    CODE_OR_OBJECT,
    /** An object of the record's components. */
    RECORD
  }

  private Shapes() {}

  /** The shape of {@code type}, or null if it is not one of Rapport's JSON types. */
  static Shape of(Class<?> type) {
    if (!type.getName().startsWith(PACKAGE) || type.getName().contains(".internal.")) {
      return null;
    }
    if (type == Money.class) {
      return Shape.MONEY;
    }
    if (type == dev.rapport.crm.common.BusinessCalendar.class) {
      return Shape.CALENDAR;
    }
    if (type == EmailAddress.class || type == PhoneNumber.class) {
      return Shape.STRING;
    }
    if (!type.isRecord()) {
      return null;
    }
    RecordComponent[] components = type.getRecordComponents();
    if (components.length == 1
        && (components[0].getType() == UUID.class || components[0].getType() == String.class)) {
      return Shape.STRING;
    }
    if (components.length > 1 && components[0].getType() == String.class
        && components[0].getName().equals("code") && !constants(type).isEmpty()) {
      return Shape.CODE_OR_OBJECT;
    }
    return Shape.RECORD;
  }

  /** The public static final constants of a code record, by code, in declaration order. */
  static Map<String, Object> constants(Class<?> type) {
    Map<String, Object> byCode = new LinkedHashMap<>();
    RecordComponent[] parts = type.getRecordComponents();
    if (parts == null || parts.length == 0 || parts[0].getType() != String.class) {
      return byCode; // constants of a record without a code (BusinessCalendar.Hours.ALL_DAY) are no vocabulary
    }
    for (Field f : type.getFields()) {
      int m = f.getModifiers();
      if (f.getType() == type && Modifier.isStatic(m) && Modifier.isFinal(m)) {
        try {
          Object constant = f.get(null);
          Object code = type.getRecordComponents()[0].getAccessor().invoke(constant);
          byCode.putIfAbsent((String) code, constant);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + f, e);
        }
      }
    }
    return byCode;
  }
}
