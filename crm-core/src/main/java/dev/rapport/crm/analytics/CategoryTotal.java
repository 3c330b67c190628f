package dev.rapport.crm.analytics;

import dev.rapport.crm.common.Money;
import dev.rapport.crm.opportunity.ForecastCategory;
import java.util.Objects;

/**
 * The open opportunities of one forecast category expected to close in one month. Immutable.
 *
 * @param category the forecast category
 * @param open how many
 * @param amount their amounts, in the reporting currency
 * @param weighted their amounts each times its probability, in the reporting currency
 */
public record CategoryTotal(ForecastCategory category, long open, Money amount, Money weighted) {
  public CategoryTotal {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(weighted, "weighted");
  }
}
