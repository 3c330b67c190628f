package dev.rapport.crm.field;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The custom field values of one record, by field key (in key order). Immutable: {@link #with}
 * and {@link #without} return a new set. What a key may hold is its field's definition ({@link
 * CustomField}), checked when a record is written; a value whose field was removed since stays
 * readable.
 *
 * @param values the values by key
 */
public record CustomFields(Map<String, FieldValue> values) {
  /** The most values one record holds. */
  public static final int MAX_VALUES = 100;
  private static final CustomFields EMPTY = new CustomFields(Map.of());

  /**
   * @throws ValidationException (field {@code fields}) if the map is null, holds a null, a key
   *     that is not 1 to 50 of {@code [a-z0-9_]}, or over 100 values
   */
  public CustomFields {
    Check.notNull(values, "fields");
    if (values.size() > MAX_VALUES) {
      throw new ValidationException("fields", "must hold at most " + MAX_VALUES + " values");
    }
    TreeMap<String, FieldValue> sorted = new TreeMap<>();
    for (Map.Entry<String, FieldValue> e : values.entrySet()) {
      if (e.getKey() == null || !Check.isCode(e.getKey())) {
        throw new ValidationException("fields", "keys must be 1 to 50 of lower-case letters, digits and '_'");
      }
      sorted.put(e.getKey(), Check.notNull(e.getValue(), "fields." + e.getKey()));
    }
    values = Collections.unmodifiableMap(sorted);
  }

  /** No values. */
  public static CustomFields empty() {
    return EMPTY;
  }

  /**
   * These values.
   *
   * @throws ValidationException as the constructor
   */
  public static CustomFields of(Map<String, FieldValue> values) {
    return new CustomFields(values);
  }

  /**
   * These values with {@code key} set to {@code value}.
   *
   * @throws ValidationException if either is null, the key is not a code, or there would be over
   *     100 values
   */
  public CustomFields with(String key, FieldValue value) {
    Check.notNull(key, "fields");
    Check.notNull(value, "fields." + key);
    TreeMap<String, FieldValue> next = new TreeMap<>(values);
    next.put(key, value);
    return new CustomFields(next);
  }

  /**
   * These values without {@code key}.
   *
   * @throws ValidationException if the key is null
   */
  public CustomFields without(String key) {
    Check.notNull(key, "fields");
    if (!values.containsKey(key)) {
      return this;
    }
    TreeMap<String, FieldValue> next = new TreeMap<>(values);
    next.remove(key);
    return new CustomFields(next);
  }

  /**
   * These values, and those of {@code other} whose keys these lack (what a merge keeps: the
   * survivor's values, its gaps filled from the duplicates'); this very set when nothing is added.
   *
   * @throws ValidationException if {@code other} is null, or there would be over 100 values
   */
  public CustomFields withGapsFilledFrom(CustomFields other) {
    Check.notNull(other, "fields");
    TreeMap<String, FieldValue> next = new TreeMap<>(other.values);
    next.putAll(values);
    return next.size() == values.size() ? this : new CustomFields(next);
  }

  /**
   * The values of these that the given fields take over as they are: those whose key is a field
   * of the list, not removed, of the same type, that the value fits. What conversion gives the
   * contact, account and opportunity a lead becomes: the tenant maps a lead's field to theirs by
   * defining a field with the same key and type on them.
   *
   * @throws ValidationException if the list is null
   */
  public CustomFields carriedTo(java.util.List<CustomField> fields) {
    Check.notNull(fields, "fields");
    TreeMap<String, FieldValue> carried = new TreeMap<>();
    for (CustomField f : fields) {
      FieldValue v = values.get(f.key());
      if (v != null && !f.removed() && f.misfit(v).isEmpty()) {
        carried.put(f.key(), v);
      }
    }
    return carried.isEmpty() ? EMPTY : new CustomFields(carried);
  }

  /**
   * A query's custom field criteria, checked (keys of fields, at most 100), in key order and
   * immutable.
   *
   * @throws ValidationException (field {@code fields}) if the map is null, holds a null or a key
   *     that is not a field key, or has over 100 entries
   */
  public static Map<String, FieldValue> criteria(Map<String, FieldValue> criteria) {
    Check.notNull(criteria, "fields");
    if (criteria.size() > dev.rapport.crm.common.Limits.QUERY_VALUES) {
      throw new ValidationException("fields", "must hold at most " + dev.rapport.crm.common.Limits.QUERY_VALUES + " values");
    }
    return new CustomFields(criteria).values;
  }

  /** Whether these values hold each of the criteria: the same value under each key. */
  public boolean holds(Map<String, FieldValue> criteria) {
    for (Map.Entry<String, FieldValue> e : criteria.entrySet()) {
      if (!e.getValue().equals(values.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The value of {@code key}, if there is one. */
  public Optional<FieldValue> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** Whether there are no values. */
  public boolean isEmpty() {
    return values.isEmpty();
  }
}
