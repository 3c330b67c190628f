package dev.rapport.crm.field;

import dev.rapport.crm.common.Limits;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A field a tenant adds to one kind of record: its key (what a value is stored under), the label
 * people read, its type and its rules: required or not, the options of a choice, the longest text,
 * the range of a number. Immutable; start one with {@link #of} and refine it with the {@code with}
 * methods, then {@link CustomFieldService#define} it.
 *
 * @param kind the kind of record it belongs to
 * @param key its key: 1 to 50 of {@code [a-z0-9_]}, unique among the fields of the kind
 * @param label its label: 1 to 200 characters
 * @param type what it holds
 * @param required whether every record of the kind written from now on must have a value
 * @param options the codes a {@code CHOICE} or {@code CHOICES} value may hold, in the order people
 *     see them (1 to 100; empty for other types)
 * @param maxLength the longest {@code TEXT} value, 1 to 1,000 code points (200 unless set; 0 for
 *     other types)
 * @param min the smallest {@code NUMBER} value, if bounded
 * @param max the largest {@code NUMBER} value, if bounded
 * @param removed whether the field was removed: its values stay readable on the records that have
 *     them, no record may be given a new one
 * @param predictive whether lead scoring learns from the field's values (a lead field only; see
 *     {@code docs/scoring.md})
 */
public record CustomField(RecordKind kind, String key, String label, FieldType type, boolean required,
    List<String> options, int maxLength, Optional<BigDecimal> min, Optional<BigDecimal> max, boolean removed,
    boolean predictive) {
  /** The most options of a choice. */
  public static final int MAX_OPTIONS = 100;
  /** The longest text a {@code TEXT} field allows unless set otherwise. */
  public static final int DEFAULT_MAX_LENGTH = Limits.TEXT;

  /**
   * @throws ValidationException if a part is null; the key is not a code; the label is blank or
   *     over 200 characters; a choice has no options, over 100, repeats or bad codes; another type
   *     has options; a text's longest length is not 1 to 1,000 or another type's not 0; a range is
   *     given for a type other than {@code NUMBER}, is not a number a value may be, or has its
   *     smallest above its largest
   */
  public CustomField {
    Check.notNull(kind, "kind");
    Check.notNull(key, "key");
    if (!Check.isCode(key)) {
      throw new ValidationException("key", "must be 1 to 50 of lower-case letters, digits and '_'");
    }
    label = Check.text(label, "label", Limits.TEXT);
    Check.notNull(type, "type");
    Check.noNulls(Check.notNull(options, "options"), "options");
    options = List.copyOf(options);
    boolean choice = type == FieldType.CHOICE || type == FieldType.CHOICES;
    if (choice) {
      if (options.isEmpty() || options.size() > MAX_OPTIONS) {
        throw new ValidationException("options", "a choice must have 1 to " + MAX_OPTIONS + " options");
      }
      if (new TreeSet<>(options).size() != options.size()) {
        throw new ValidationException("options", "must not repeat an option");
      }
      for (String o : options) {
        if (!Check.isCode(o)) {
          throw new ValidationException("options", "must be codes: 1 to 50 of lower-case letters, digits and '_'");
        }
      }
    } else if (!options.isEmpty()) {
      throw new ValidationException("options", "only a CHOICE or CHOICES field has options");
    }
    if (type == FieldType.TEXT) {
      Check.range(maxLength, "maxLength", 1, FieldValue.MAX_TEXT);
    } else if (maxLength != 0) {
      throw new ValidationException("maxLength", "only a TEXT field has a longest length");
    }
    Check.notNull(min, "min");
    Check.notNull(max, "max");
    if (type != FieldType.NUMBER && (min.isPresent() || max.isPresent())) {
      throw new ValidationException("min", "only a NUMBER field has a range");
    }
    min = min.map(m -> FieldValue.number(m).asNumber());
    max = max.map(m -> FieldValue.number(m).asNumber());
    if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
      throw new ValidationException("max", "must not be below min");
    }
    if (predictive && kind != RecordKind.LEAD) {
      throw new ValidationException("predictive", "only a lead field feeds lead scoring");
    }
  }

  /**
   * An optional field without limits of its own (a text up to 200 code points). A choice has
   * options: make it with {@link #choice}.
   *
   * @throws ValidationException if a part is null, the key is not a code, the label is blank or
   *     over 200 characters, or the type is {@code CHOICE} or {@code CHOICES}
   */
  public static CustomField of(RecordKind kind, String key, String label, FieldType type) {
    Check.notNull(type, "type");
    if (type == FieldType.CHOICE || type == FieldType.CHOICES) {
      throw new ValidationException("options", "a choice must have options: use CustomField.choice");
    }
    return new CustomField(kind, key, label, type, false, List.of(),
        type == FieldType.TEXT ? DEFAULT_MAX_LENGTH : 0, Optional.empty(), Optional.empty(), false, false);
  }

  /**
   * A choice field with these options.
   *
   * @throws ValidationException as {@link #of}, or if the options are not 1 to 100 distinct codes
   */
  public static CustomField choice(RecordKind kind, String key, String label, boolean several, List<String> options) {
    return new CustomField(kind, key, label, several ? FieldType.CHOICES : FieldType.CHOICE, false,
        Check.notNull(options, "options"), 0, Optional.empty(), Optional.empty(), false, false);
  }

  /**
   * This field with another label.
   *
   * @throws ValidationException if it is null, blank or over 200 characters
   */
  public CustomField withLabel(String newLabel) {
    return new CustomField(kind, key, newLabel, type, required, options, maxLength, min, max, removed, predictive);
  }

  /**
   * This field, learned from by lead scoring or not.
   *
   * @throws ValidationException if it is to be predictive and is not a lead field
   */
  public CustomField withPredictive(boolean isPredictive) {
    return new CustomField(kind, key, label, type, required, options, maxLength, min, max, removed, isPredictive);
  }

  /** This field, required or not. */
  public CustomField withRequired(boolean isRequired) {
    return new CustomField(kind, key, label, type, isRequired, options, maxLength, min, max, removed, predictive);
  }

  /**
   * This field with other options (a {@code CHOICE} or {@code CHOICES} field).
   *
   * @throws ValidationException as the constructor
   */
  public CustomField withOptions(List<String> newOptions) {
    return new CustomField(kind, key, label, type, required, newOptions, maxLength, min, max, removed, predictive);
  }

  /**
   * This field with another longest text (a {@code TEXT} field).
   *
   * @throws ValidationException if it is not 1 to 1,000, or the field is not a text
   */
  public CustomField withMaxLength(int length) {
    return new CustomField(kind, key, label, type, required, options, length, min, max, removed, predictive);
  }

  /**
   * This field with a range (a {@code NUMBER} field); either end may be null for none.
   *
   * @throws ValidationException if the field is not a number, or {@code min} is above {@code max}
   */
  public CustomField withRange(BigDecimal smallest, BigDecimal largest) {
    return new CustomField(kind, key, label, type, required, options, maxLength, Optional.ofNullable(smallest),
        Optional.ofNullable(largest), removed, predictive);
  }

  /**
   * This field as another type, with the limits of a new field of that type ({@code TEXT} up to 200,
   * choices with the options given).
   *
   * @throws ValidationException if the type is null, or a choice has no valid options
   */
  public CustomField withType(FieldType newType, List<String> choiceOptions) {
    Check.notNull(newType, "type");
    boolean choice = newType == FieldType.CHOICE || newType == FieldType.CHOICES;
    return new CustomField(kind, key, label, newType, required, choice ? Check.notNull(choiceOptions, "options") : List.of(),
        newType == FieldType.TEXT ? DEFAULT_MAX_LENGTH : 0, Optional.empty(), Optional.empty(), removed, predictive);
  }

  /** This field marked removed (what {@link CustomFieldService#remove} stores). */
  CustomField asRemoved() {
    return new CustomField(kind, key, label, type, false, options, maxLength, min, max, true, false);
  }

  /**
   * Why a value does not fit this field, or empty if it fits: of another type, a text too long, a
   * number out of range, an option not among the field's.
   */
  public Optional<String> misfit(FieldValue value) {
    Objects.requireNonNull(value, "value");
    if (value.type() != type) {
      return Optional.of("must be a " + type + " value, not " + value.type());
    }
    switch (type) {
      case TEXT -> {
        if (value.value().codePointCount(0, value.value().length()) > maxLength) {
          return Optional.of("must be at most " + maxLength + " characters");
        }
      }
      case NUMBER -> {
        BigDecimal n = value.asNumber();
        if (min.isPresent() && n.compareTo(min.get()) < 0) {
          return Optional.of("must be at least " + min.get().toPlainString());
        }
        if (max.isPresent() && n.compareTo(max.get()) > 0) {
          return Optional.of("must be at most " + max.get().toPlainString());
        }
      }
      case CHOICE, CHOICES -> {
        for (String o : value.asChoices()) {
          if (!options.contains(o)) {
            return Optional.of("must be one of " + options + ", not " + o);
          }
        }
      }
      default -> { }
    }
    return Optional.empty();
  }

  /**
   * Checks a record's values as it is written: each value new or changed since {@code before} must
   * belong to a field of the kind that is not removed and fit it; each required field must have a
   * value. Values kept as they were (also of removed fields) are not checked again.
   *
   * @param fields the fields of the record's kind (removed ones included)
   * @param before the values the record had (empty for a new record)
   * @param after the values it is written with
   * @throws ValidationException (field {@code fields.<key>}) naming the first value that breaks a
   *     rule, or the first required field without a value
   */
  public static void check(List<CustomField> fields, CustomFields before, CustomFields after) {
    Check.notNull(fields, "fields");
    Check.notNull(before, "fields");
    Check.notNull(after, "fields");
    Map<String, CustomField> byKey = new java.util.HashMap<>();
    for (CustomField f : fields) {
      byKey.put(f.key(), f);
    }
    for (Map.Entry<String, FieldValue> e : after.values().entrySet()) {
      if (e.getValue().equals(before.values().get(e.getKey()))) {
        continue;
      }
      CustomField f = byKey.get(e.getKey());
      if (f == null) {
        throw new ValidationException("fields." + e.getKey(), "is not a field of this kind of record: define it first");
      }
      if (f.removed()) {
        throw new ValidationException("fields." + e.getKey(), "was removed: it takes no new values");
      }
      Optional<String> why = f.misfit(e.getValue());
      if (why.isPresent()) {
        throw new ValidationException("fields." + e.getKey(), why.get());
      }
    }
    List<String> missing = new ArrayList<>();
    for (CustomField f : fields) {
      if (f.required() && !f.removed() && !after.values().containsKey(f.key())) {
        missing.add(f.key());
      }
    }
    if (!missing.isEmpty()) {
      missing.sort(null);
      throw new ValidationException("fields." + missing.get(0), "is required on every "
          + fields.get(0).kind().name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
