package dev.rapport.crm.jpa;

import dev.rapport.crm.common.Money;
import dev.rapport.crm.event.CrmEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the outbox wrote an event's payload before crm-jackson wrote it (kept by the test that old
 * rows still read, and that the shape did not change): one member per record component, in
 * declaration order. Ids, codes, enums, instants and days are written as text (instants and days
 * in ISO-8601: {@code "2025-03-03T09:00:00Z"}, {@code "2025-03-03"}), an empty {@code Optional} as
 * null, money as {@code {"amount": "1250.00", "currency": "EUR"}}.
 */
final class LegacyEventPayloads {
  private LegacyEventPayloads() {}

  /** The event's type name in the outbox: its simple class name, e.g. {@code LeadCaptured}. */
  static String type(CrmEvent event) {
    return event.getClass().getSimpleName();
  }

  static String payload(CrmEvent event) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (RecordComponent c : event.getClass().getRecordComponents()) {
      try {
        m.put(c.getName(), value(c.getAccessor().invoke(event)));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c + " of " + event, e);
      }
    }
    return Json.write(m);
  }

  private static Object value(Object v) {
    if (v instanceof Optional<?> o) {
      return o.map(LegacyEventPayloads::value).orElse(null);
    }
    if (v instanceof Money money) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("amount", money.amount().toPlainString());
      m.put("currency", money.currency().getCurrencyCode());
      return m;
    }
    if (v instanceof java.util.Collection<?> c) { // e.g. the ids a batch event names
      return c.stream().map(LegacyEventPayloads::value).toList();
    }
    if (v == null || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    return v.toString();
  }
}
