package dev.rapport.crm.exception;

import static java.util.Objects.requireNonNull;

/**
 * Bad input: an argument broke a rule. The message, {@link #field()} and {@link #rule()} name the
 * offending field and the rule it broke. Nothing was changed.
 *
 * <p>The field is a path when the value sits inside another: {@code lines[1].quantity} is the
 * quantity of a sale's second line, {@code allocations[0].amount} the amount of a payment's first
 * allocation, {@code emails[2]} a contact's third e-mail address. Indexes count from 0 in the order
 * the caller gave the elements.
 */
public final class ValidationException extends CrmException {
  private final String field;
  private final String rule;

  /**
   * @param field the argument or field that broke the rule, e.g. {@code "email"}
   * @param rule what the rule demands, e.g. {@code "must be a valid e-mail address"}
   */
  public ValidationException(String field, String rule) {
    super(requireNonNull(field, "field") + ": " + requireNonNull(rule, "rule"));
    this.field = field;
    this.rule = rule;
  }

  private ValidationException(String field, String rule, ValidationException inner) {
    super(field + ": " + rule, inner);
    this.field = field;
    this.rule = rule;
  }

  /**
   * The argument or field that broke the rule: a name ({@code email}) or a path into nested values
   * ({@code lines[1].unitPrice}).
   */
  public String field() {
    return field;
  }

  /**
   * This rejection, seen from the value that holds the offending one: {@code e.within("lines[1]")}
   * of a rejected {@code quantity} is a rejected {@code lines[1].quantity}, with the same rule and
   * this one as its cause. A field that starts with an index ({@code [2]}) is appended without a dot.
   *
   * @param path the place of the inner value in the outer one, e.g. {@code "lines[1]"}
   * @throws NullPointerException if {@code path} is null
   * @throws IllegalArgumentException if {@code path} is blank
   */
  public ValidationException within(String path) {
    requireNonNull(path, "path");
    if (path.isBlank()) {
      throw new IllegalArgumentException("path must not be blank");
    }
    return new ValidationException(field.startsWith("[") ? path + field : path + "." + field, rule, this);
  }

  /** The rule, in words. */
  public String rule() {
    return rule;
  }
}
