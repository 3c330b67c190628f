package dev.rapport.crm.exception;

import static java.util.Objects.requireNonNull;

/**
 * Bad input: an argument broke a rule. The message, {@link #field()} and {@link #rule()} name the
 * offending field and the rule it broke. Nothing was changed.
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

  /** The argument or field that broke the rule. */
  public String field() {
    return field;
  }

  /** The rule, in words. */
  public String rule() {
    return rule;
  }
}
