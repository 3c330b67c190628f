package dev.rapport.crm.sales;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.internal.Check;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * What a sale says: an invoice (or order) of an account, or a credit note that corrects one. The
 * same value is what a host records with {@link SalesService#record} and what a host's
 * {@link SalesLedger} returns, so both sources give the same answers.
 *
 * <p>An invoice's total is not negative; a credit note's is negative, and it names the invoice it
 * corrects ({@link #corrects()}). The total is the sum of the lines. Start with {@link #invoice} or
 * {@link #creditNote}; an immutable value.
 *
 * @param reference the host's reference, unique among the tenant's sales and credit notes (e.g.
 *     the invoice number), up to {@value Limits#TEXT} characters, compared exactly
 * @param accountId the account that bought
 * @param corrects for a credit note, the reference of the invoice it corrects
 * @param issuedOn the day it was issued: the day of the purchase
 * @param dueOn the day payment is due (credit terms): not before {@code issuedOn}
 * @param currency the currency of every amount of the sale
 * @param lines 1 to {@value Limits#SALE_LINES} lines
 * @param total the sum of the lines' amounts
 */
public record NewSale(String reference, AccountId accountId, Optional<String> corrects, LocalDate issuedOn,
    LocalDate dueOn, Currency currency, List<SaleLine> lines, Money total) {

  /**
   * @throws ValidationException if a part is null, the reference blank, too long or not storable, a
   *     date out of range, the due date before the issue date, no lines or more than {@value
   *     Limits#SALE_LINES}, a line in another currency, the total not the sum of the lines, an
   *     invoice's total negative, or a credit note's total not negative or corrects missing
   */
  public NewSale {
    reference = Check.text(reference, "reference", Limits.TEXT);
    Check.notNull(accountId, "accountId");
    Check.notNull(corrects, "corrects");
    corrects = corrects.map(c -> Check.text(c, "corrects", Limits.TEXT));
    if (corrects.isPresent() && corrects.get().equals(reference)) {
      throw new ValidationException("corrects", "must name another sale than the credit note itself");
    }
    Check.date(issuedOn, "issuedOn");
    Check.date(dueOn, "dueOn");
    if (dueOn.isBefore(issuedOn)) {
      throw new ValidationException("dueOn", "must not be before the issue date " + issuedOn);
    }
    Check.notNull(currency, "currency");
    lines = List.copyOf(Check.size(lines, "lines", Limits.SALE_LINES));
    if (lines.isEmpty()) {
      throw new ValidationException("lines", "must hold at least one line");
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < lines.size(); i++) {
      SaleLine line = lines.get(i);
      if (!line.amount().currency().equals(currency)) {
        throw new ValidationException("lines[" + i + "].amount", "must be in the sale's currency " + currency
            + ", not " + line.amount().currency());
      }
      sum = sum.add(line.amount().amount());
    }
    Check.notNull(total, "total");
    if (!total.currency().equals(currency)) {
      throw new ValidationException("total", "must be in the sale's currency " + currency);
    }
    if (total.amount().compareTo(sum) != 0) {
      throw new ValidationException("total", "must be the sum of the lines (" + sum.toPlainString() + "), not "
          + total.amount().toPlainString());
    }
    if (corrects.isEmpty() && total.isNegative()) {
      throw new ValidationException("total", "must not be negative on an invoice (a credit note names the sale it corrects)");
    }
    if (corrects.isPresent() && total.amount().signum() >= 0) {
      throw new ValidationException("total", "must be negative on a credit note");
    }
  }

  /**
   * An invoice of the account, due the day it is issued unless {@link Builder#dueOn} says otherwise.
   *
   * @throws ValidationException if an argument is null, the reference blank, too long or not
   *     storable, the date out of range or the currency code unknown
   */
  public static Builder invoice(String reference, AccountId account, LocalDate issuedOn, String currency) {
    return new Builder(reference, account, Optional.empty(), issuedOn, currency);
  }

  /**
   * A credit note of the account correcting the invoice {@code corrects}: its lines have negative
   * quantities.
   *
   * @throws ValidationException as {@link #invoice}, or if {@code corrects} is blank, too long or
   *     not storable
   */
  public static Builder creditNote(String reference, String corrects, AccountId account, LocalDate issuedOn,
      String currency) {
    return new Builder(reference, account, Optional.of(Check.text(corrects, "corrects", Limits.TEXT)), issuedOn,
        currency);
  }

  /** Whether this is a credit note. */
  public boolean isCreditNote() {
    return corrects.isPresent();
  }

  /** Builds a {@link NewSale}. Not thread-safe. */
  public static final class Builder {
    private final String reference;
    private final AccountId account;
    private final Optional<String> corrects;
    private final LocalDate issuedOn;
    private final Currency currency;
    private LocalDate dueOn;
    private final List<SaleLine> lines = new ArrayList<>();

    private Builder(String reference, AccountId account, Optional<String> corrects, LocalDate issuedOn,
        String currency) {
      this.reference = Check.text(reference, "reference", Limits.TEXT);
      this.account = Check.notNull(account, "accountId");
      this.corrects = corrects;
      this.issuedOn = Check.date(issuedOn, "issuedOn");
      this.currency = Money.zero(Check.notNull(currency, "currency")).currency();
      this.dueOn = issuedOn;
    }

    /**
     * The day payment is due (default: the issue day).
     *
     * @throws ValidationException if null or out of range
     */
    public Builder dueOn(LocalDate d) {
      this.dueOn = Check.date(d, "dueOn");
      return this;
    }

    /**
     * Due {@code days} after the issue day (credit terms, e.g. 30).
     *
     * @throws ValidationException if negative or too far
     */
    public Builder dueInDays(int days) {
      Check.range(days, "dueInDays", 0, 3660);
      return dueOn(issuedOn.plusDays(days));
    }

    /**
     * Adds a line of {@code quantity} units at {@code unitPrice} (in the sale's currency).
     *
     * @throws ValidationException as {@link SaleLine#of}
     */
    public Builder line(String productCode, String quantity, String unitPrice) {
      return line(Check.element("lines", lines.size(), () -> SaleLine.of(productCode, decimal(quantity),
          price(unitPrice))));
    }

    private Money price(String unitPrice) {
      Check.notNull(unitPrice, "unitPrice");
      try {
        return Money.of(unitPrice, currency.getCurrencyCode());
      } catch (ValidationException e) {
        throw new ValidationException("unitPrice", e.rule());
      }
    }

    /**
     * Adds a line.
     *
     * @throws ValidationException if null or more than {@value Limits#SALE_LINES} lines
     */
    public Builder line(SaleLine line) {
      Check.notNull(line, "line");
      if (lines.size() == Limits.SALE_LINES) {
        throw new ValidationException("lines", "must hold at most " + Limits.SALE_LINES + " elements");
      }
      lines.add(line);
      return this;
    }

    /**
     * The sale, its total the sum of its lines.
     *
     * @throws ValidationException as the canonical constructor
     */
    public NewSale build() {
      BigDecimal sum = BigDecimal.ZERO;
      for (SaleLine l : lines) {
        sum = sum.add(l.amount().amount());
      }
      if (sum.abs().compareTo(Limits.MAX_AMOUNT) > 0) {
        throw new ValidationException("total", "must be less than 10^" + Limits.AMOUNT_INTEGER_DIGITS
            + " in absolute value (the lines add up to " + sum.toPlainString() + ")");
      }
      return new NewSale(reference, account, corrects, issuedOn, dueOn, currency, lines, new Money(sum, currency));
    }

    private static BigDecimal decimal(String text) {
      Check.notNull(text, "quantity");
      if (text.length() > Limits.AMOUNT_TEXT) {
        throw new ValidationException("quantity", "must be written in at most " + Limits.AMOUNT_TEXT + " characters");
      }
      try {
        return new BigDecimal(text.strip());
      } catch (NumberFormatException e) {
        throw new ValidationException("quantity", "must be a decimal number");
      }
    }
  }
}
