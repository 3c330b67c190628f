package dev.rapport.crm.field;

import dev.rapport.crm.common.Money;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The value of one custom field: its type and its one written form, so that it is stored, read back
 * and compared alike everywhere (a value carries its type, so it stays readable after its field is
 * removed). Build one with the factory of its type ({@link #number(BigDecimal)}, {@link
 * #choices(Collection)}, ...), read it with the accessor of its type.
 *
 * <p>The written forms: {@code TEXT} the text, stripped (1 to 1,000 code points); {@code NUMBER}
 * the plain decimal without trailing zeros ({@code 2.50} is {@code "2.5"}, {@code 100} is {@code
 * "100"}), at most 15 digits before the point and 6 after; {@code MONEY} the amount at its
 * currency's scale, a space and the currency ({@code "12.50 EUR"}); {@code DATE} ISO ({@code
 * "2026-03-31"}, 1900 to 9999); {@code BOOLEAN} {@code "true"} or {@code "false"}; {@code CHOICE}
 * an option's code; {@code CHOICES} 1 to 50 distinct codes in alphabetical order, joined by commas.
 *
 * @param type what the value is
 * @param value its written form
 */
public record FieldValue(FieldType type, String value) {
  /** The longest text. */
  public static final int MAX_TEXT = 1_000;
  /** The most options one {@code CHOICES} value holds. */
  public static final int MAX_CHOICES = 50;
  private static final int INTEGER_DIGITS = 15;
  private static final int DECIMALS = 6;

  /**
   * @throws ValidationException (field {@code value}) if either part is null or the value is not
   *     the written form of its type
   */
  public FieldValue {
    Check.notNull(type, "type");
    Check.notNull(value, "value");
    String canonical = switch (type) {
      case TEXT -> Check.text(value, "value", MAX_TEXT);
      case NUMBER -> canonicalNumber(parseNumber(value));
      case MONEY -> canonicalMoney(parseMoney(value));
      case DATE -> parseDate(value).toString();
      case BOOLEAN -> {
        if (!value.equals("true") && !value.equals("false")) {
          throw new ValidationException("value", "must be true or false");
        }
        yield value;
      }
      case CHOICE -> code(value);
      case CHOICES -> canonicalChoices(List.of(value.split(",", -1)));
    };
    if (!canonical.equals(value)) {
      throw new ValidationException("value", "must be written as " + canonical);
    }
  }

  /**
   * A text value, stripped.
   *
   * @throws ValidationException if it is null, blank, over 1,000 code points or not storable
   */
  public static FieldValue text(String text) {
    return new FieldValue(FieldType.TEXT, Check.text(text, "value", MAX_TEXT));
  }

  /**
   * A number, without trailing zeros.
   *
   * @throws ValidationException if it is null, or has over 15 digits before the point or over 6 after
   */
  public static FieldValue number(BigDecimal number) {
    Check.notNull(number, "value");
    return new FieldValue(FieldType.NUMBER, canonicalNumber(checkedNumber(number)));
  }

  /**
   * A number.
   *
   * @throws ValidationException as {@link #number(BigDecimal)}
   */
  public static FieldValue number(long number) {
    return number(BigDecimal.valueOf(number));
  }

  /**
   * An amount of money.
   *
   * @throws ValidationException if it is null
   */
  public static FieldValue money(Money money) {
    return new FieldValue(FieldType.MONEY, canonicalMoney(Check.notNull(money, "value")));
  }

  /**
   * A day.
   *
   * @throws ValidationException if it is null or outside 1900 to 9999
   */
  public static FieldValue date(LocalDate date) {
    return new FieldValue(FieldType.DATE, Check.date(date, "value").toString());
  }

  /** Yes or no. */
  public static FieldValue bool(boolean yes) {
    return new FieldValue(FieldType.BOOLEAN, Boolean.toString(yes));
  }

  /**
   * One option, by its code.
   *
   * @throws ValidationException if it is null or not 1 to 50 of {@code [a-z0-9_]}
   */
  public static FieldValue choice(String option) {
    Check.notNull(option, "value");
    return new FieldValue(FieldType.CHOICE, code(option));
  }

  /**
   * Several options, by their codes (order and repeats do not matter).
   *
   * @throws ValidationException if it is null, empty, over 50 options, or holds a null or a bad code
   */
  public static FieldValue choices(Collection<String> options) {
    Check.noNulls(Check.notNull(options, "value"), "value");
    return new FieldValue(FieldType.CHOICES, canonicalChoices(options));
  }

  /** The text of a {@code TEXT} value; the written form of any other. */
  public String asText() {
    return value;
  }

  /**
   * The number of a {@code NUMBER} value.
   *
   * @throws IllegalStateException if the value is of another type
   */
  public BigDecimal asNumber() {
    require(FieldType.NUMBER);
    return new BigDecimal(value);
  }

  /**
   * The amount of a {@code MONEY} value.
   *
   * @throws IllegalStateException if the value is of another type
   */
  public Money asMoney() {
    require(FieldType.MONEY);
    return parseMoney(value);
  }

  /**
   * The day of a {@code DATE} value.
   *
   * @throws IllegalStateException if the value is of another type
   */
  public LocalDate asDate() {
    require(FieldType.DATE);
    return LocalDate.parse(value);
  }

  /**
   * Yes or no, of a {@code BOOLEAN} value.
   *
   * @throws IllegalStateException if the value is of another type
   */
  public boolean asBoolean() {
    require(FieldType.BOOLEAN);
    return Boolean.parseBoolean(value);
  }

  /**
   * The options of a {@code CHOICE} (one) or {@code CHOICES} value, in alphabetical order.
   *
   * @throws IllegalStateException if the value is of another type
   */
  public Set<String> asChoices() {
    if (type != FieldType.CHOICE && type != FieldType.CHOICES) {
      throw new IllegalStateException("a " + type + " value has no options");
    }
    return java.util.Collections.unmodifiableSet(new TreeSet<>(List.of(value.split(","))));
  }

  private void require(FieldType t) {
    if (type != t) {
      throw new IllegalStateException("a " + type + " value is not a " + t);
    }
  }

  private static BigDecimal parseNumber(String value) {
    if (value.length() > 40) {
      throw new ValidationException("value", "must be a number of at most 15 digits before the point and 6 after");
    }
    try {
      return checkedNumber(new BigDecimal(value));
    } catch (NumberFormatException e) {
      throw new ValidationException("value", "must be a number such as 12.5");
    }
  }

  private static BigDecimal checkedNumber(BigDecimal n) {
    BigDecimal stripped = n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
    if (stripped.scale() > DECIMALS || (long) stripped.precision() - stripped.scale() > INTEGER_DIGITS) {
      throw new ValidationException("value", "must have at most 15 digits before the point and 6 after");
    }
    return stripped;
  }

  private static String canonicalNumber(BigDecimal n) {
    BigDecimal s = n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }

  private static Money parseMoney(String value) {
    int space = value.indexOf(' ');
    if (space < 0 || value.length() > 60) {
      throw new ValidationException("value", "must be an amount, a space and a currency, such as 12.50 EUR");
    }
    try {
      return Money.of(value.substring(0, space), value.substring(space + 1));
    } catch (ValidationException e) {
      throw new ValidationException("value", e.field() + " " + e.rule());
    }
  }

  private static String canonicalMoney(Money m) {
    return m.amount().toPlainString() + " " + m.currency().getCurrencyCode();
  }

  private static LocalDate parseDate(String value) {
    try {
      return Check.date(LocalDate.parse(value), "value");
    } catch (DateTimeParseException e) {
      throw new ValidationException("value", "must be a day such as 2026-03-31");
    }
  }

  private static String code(String option) {
    if (!Check.isCode(option)) {
      throw new ValidationException("value", "must be an option's code: 1 to 50 of lower-case letters, digits and '_'");
    }
    return option;
  }

  private static String canonicalChoices(Collection<String> options) {
    TreeSet<String> sorted = new TreeSet<>();
    for (String o : options) {
      sorted.add(code(o));
    }
    if (sorted.isEmpty() || sorted.size() > MAX_CHOICES) {
      throw new ValidationException("value", "must hold 1 to " + MAX_CHOICES + " options");
    }
    return String.join(",", sorted);
  }

  @Override
  public String toString() {
    return value;
  }
}
