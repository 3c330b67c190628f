package dev.rapport.crm.sales;

import dev.rapport.crm.common.AccountId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An account's sales history: how it buys overall and per product.
 *
 * @param accountId the account
 * @param asOf the day the figures are as of
 * @param overall how it buys, or empty if it never bought
 * @param products the same per product it bought, largest total first (then by product code)
 */
public record CustomerSummary(AccountId accountId, LocalDate asOf, Optional<PurchaseHistory> overall,
    List<PurchaseHistory> products) {
  public CustomerSummary {
    products = List.copyOf(products);
  }
}
