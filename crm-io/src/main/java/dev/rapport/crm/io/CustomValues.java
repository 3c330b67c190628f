package dev.rapport.crm.io;

import dev.rapport.crm.common.Money;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Custom values as files hold them: a column {@code field.<key>} per field, the value as text. */
final class CustomValues {
  private CustomValues() {}

  /**
   * A value of the type from a file's text, as people write it.
   *
   * @throws ValidationException (field {@code value}) if the text is not a value of the type
   */
  static FieldValue read(FieldType type, String text) {
    switch (type) {
      case TEXT:
        return FieldValue.text(text);
      case NUMBER:
        try {
          return FieldValue.number(new BigDecimal(text));
        } catch (NumberFormatException e) {
          throw new ValidationException("value", "must be a number such as 12.5");
        }
      case MONEY: {
        String[] parts = text.split("\\s+");
        if (parts.length != 2) {
          throw new ValidationException("value", "must be an amount and a currency, such as 12.50 EUR");
        }
        return FieldValue.money(Money.of(parts[0], parts[1]));
      }
      case DATE:
        try {
          return FieldValue.date(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
          throw new ValidationException("value", "must be a day such as 2026-03-31");
        }
      case BOOLEAN:
        switch (text.toLowerCase(Locale.ROOT)) {
          case "true", "yes":
            return FieldValue.bool(true);
          case "false", "no":
            return FieldValue.bool(false);
          default:
            throw new ValidationException("value", "must be true, false, yes or no");
        }
      case CHOICE:
        return FieldValue.choice(text);
      default:
        return FieldValue.choices(List.of(text.split("\\s*,\\s*")));
    }
  }

  /** A record's value of {@code key} as a file writes it, or an empty string. */
  static String write(CustomFields fields, String key) {
    return fields.get(key).map(FieldValue::value).orElse("");
  }
}
