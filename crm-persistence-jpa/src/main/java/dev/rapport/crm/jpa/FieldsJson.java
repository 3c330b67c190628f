package dev.rapport.crm.jpa;

import dev.rapport.crm.field.CustomField;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.field.RecordKind;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Custom fields as this adapter stores them (schema version 17): a record's values as one JSON
 * object, {@code {"key":{"type":"NUMBER","value":"25"}}} in key order (null when it has none), and
 * a definition as a JSON object of its label, type and rules.
 */
final class FieldsJson {
  private FieldsJson() {}

  /** The column of a record's values: null when there are none. */
  static String write(CustomFields fields) {
    if (fields.isEmpty()) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    fields.values().forEach((k, v) -> m.put(k, entry(v)));
    return Json.write(m);
  }

  private static Map<String, Object> entry(FieldValue v) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("type", v.type().name());
    e.put("value", v.value());
    return e;
  }

  /** A record's values from its column. */
  @SuppressWarnings("unchecked")
  static CustomFields read(String column) {
    if (column == null) {
      return CustomFields.empty();
    }
    Map<String, FieldValue> values = new TreeMap<>();
    ((Map<String, Object>) Json.read(column)).forEach((k, v) -> {
      Map<String, Object> e = (Map<String, Object>) v;
      values.put(k, new FieldValue(FieldType.valueOf((String) e.get("type")), (String) e.get("value")));
    });
    return CustomFields.of(values);
  }

  /**
   * A {@code LIKE} pattern (escape character {@code !}) that a record's column matches exactly
   * when it holds {@code value} under {@code key}: the JSON of that one entry, as {@link #write}
   * writes it, anywhere in the object. A quote inside a written text is escaped ({@code \"}), so
   * no text can imitate an entry.
   */
  static String holding(String key, FieldValue value) {
    String object = Json.write(Map.of(key, entry(value)));
    return "%" + escapeLike(object.substring(1, object.length() - 1)) + "%";
  }

  /** A {@code LIKE} pattern (escape {@code !}) of the columns that hold any value under {@code key}. */
  static String holdingAny(String key) {
    return "%" + escapeLike(Json.write(key)) + ":{%";
  }

  private static String escapeLike(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '!' || c == '%' || c == '_') {
        b.append('!');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** A definition's column. */
  static String writeDefinition(CustomField f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", f.label());
    m.put("type", f.type().name());
    m.put("required", f.required());
    m.put("options", f.options());
    m.put("maxLength", f.maxLength());
    m.put("min", f.min().map(BigDecimal::toPlainString).orElse(null));
    m.put("max", f.max().map(BigDecimal::toPlainString).orElse(null));
    m.put("removed", f.removed());
    m.put("predictive", f.predictive());
    return Json.write(m);
  }

  /** A definition from its kind, key and column. */
  @SuppressWarnings("unchecked")
  static CustomField readDefinition(String kind, String key, String column) {
    Map<String, Object> m = (Map<String, Object>) Json.read(column);
    return new CustomField(RecordKind.valueOf(kind), key, (String) m.get("label"),
        FieldType.valueOf((String) m.get("type")), (Boolean) m.get("required"), (List<String>) m.get("options"),
        ((Number) m.get("maxLength")).intValue(), Optional.ofNullable((String) m.get("min")).map(BigDecimal::new),
        Optional.ofNullable((String) m.get("max")).map(BigDecimal::new), (Boolean) m.get("removed"),
        Boolean.TRUE.equals(m.get("predictive")));
  }
}
