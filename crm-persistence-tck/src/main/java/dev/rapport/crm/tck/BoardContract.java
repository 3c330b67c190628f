package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.analytics.BoardColumn;
import dev.rapport.crm.analytics.PipelineBoard;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.exception.MissingExchangeRateException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.sales.ExchangeRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pipeline board on the adapter, worked by hand: five deals in two currencies across the
 * stages, summed per stage in pipeline order (empty stages included), converted at today's rate
 * and rounded once; filtered as the opportunity query filters.
 */
public abstract class BoardContract extends ContractSupport {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");
  /** USD to EUR at 0.90 on the test's today (2025-03-03). */
  private static final ExchangeRates RATES = (from, to, day) -> from.equals(USD) && to.equals(EUR)
      && day.equals(LocalDate.of(2025, 3, 3)) ? Optional.of(new BigDecimal("0.90")) : Optional.empty();

  private Crm deals() {
    Crm withRates = Crm.builder().persistence(persistence).tenant(tenant).clock(clock).exchangeRates(RATES).build();
    Account acme = crm.accounts().create(NewAccount.builder("Acme").build());
    crm.opportunities().open(acme.id(), NewOpportunity.builder("A1", Money.of("1000.00", "EUR")).owner("ann").build());
    crm.opportunities().open(acme.id(), NewOpportunity.builder("A2", Money.of("200.50", "EUR")).stage("Proposal")
        .owner("bob").build());
    crm.opportunities().open(acme.id(), NewOpportunity.builder("A3", Money.of("300.00", "USD")).stage("Proposal")
        .owner("ann").build());
    crm.opportunities().win(crm.opportunities().open(acme.id(), NewOpportunity.builder("A4", Money.of("99.99", "EUR"))
        .build()).id());
    crm.opportunities().lose(crm.opportunities().open(acme.id(), NewOpportunity.builder("A5", Money.of("10.00", "EUR"))
        .build()).id(), LostReason.PRICE);
    return withRates;
  }

  private static BoardColumn column(String stage, long count, String amount, String weighted) {
    return new BoardColumn(stage, count, Money.of(amount, "EUR"), Money.of(weighted, "EUR"));
  }

  @Test
  public void theBoardSumsEachStageInPipelineOrderInTheReportingCurrency() {
    Crm c = deals();

    PipelineBoard all = c.analytics().board(OpportunityQuery.all());

    assertThat(all.columns()).containsExactly(
        column("Prospecting", 1, "1000.00", "100.00"),
        column("Qualification", 0, "0.00", "0.00"),
        column("Needs Analysis", 0, "0.00", "0.00"),
        column("Proposal", 2, "470.50", "235.25"), // 200.50 + 300 USD x 0.90; half of each
        column("Negotiation", 0, "0.00", "0.00"),
        column("Closed Won", 1, "99.99", "99.99"),
        column("Closed Lost", 1, "10.00", "0.00"));
    assertThat(all.count()).isEqualTo(5);
    assertThat(all.amount()).isEqualTo(Money.of("1580.49", "EUR"));
    assertThat(all.weightedAmount()).isEqualTo(Money.of("435.24", "EUR"));
    assertThat(all.ratesOn()).isEqualTo(LocalDate.of(2025, 3, 3));

    PipelineBoard open = c.analytics().board(OpportunityQuery.all().withStatuses(Set.of(OpportunityStatus.OPEN)));
    assertThat(open.count()).isEqualTo(3);
    assertThat(open.amount()).isEqualTo(Money.of("1470.50", "EUR"));
    assertThat(open.weightedAmount()).isEqualTo(Money.of("335.25", "EUR"));
    assertThat(open.columns()).extracting(BoardColumn::count).containsExactly(1L, 0L, 0L, 2L, 0L, 0L, 0L);

    PipelineBoard ann = c.analytics().board(OpportunityQuery.all().withOwner("ann"));
    assertThat(ann.columns()).filteredOn(col -> col.count() > 0).containsExactly(
        column("Prospecting", 1, "1000.00", "100.00"), column("Proposal", 1, "270.00", "135.00"));
    assertThat(ann.count()).isEqualTo(2);

    // the count agrees with the opportunity query's on every filter
    for (OpportunityQuery q : List.of(OpportunityQuery.all(), OpportunityQuery.all().withOwner("bob"),
        OpportunityQuery.all().withStages(Set.of("Proposal")))) {
      assertThat(c.analytics().board(q).count()).isEqualTo(c.opportunities().count(q));
    }
    assertThat(events).isNotEmpty();
  }

  @Test
  public void aCurrencyWithoutARateAndNoQueryAreRefused() {
    deals();
    assertThatThrownBy(() -> crm.analytics().board(OpportunityQuery.all()))
        .isInstanceOf(MissingExchangeRateException.class);
    assertThat(crm.analytics().board(OpportunityQuery.all().withOwner("bob")).amount())
        .isEqualTo(Money.of("200.50", "EUR")); // all in euros: no rate needed
    assertThatThrownBy(() -> crm.analytics().board(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("query");
    Crm empty = crm(freshTenant(), persistence);
    PipelineBoard none = empty.analytics().board(OpportunityQuery.all());
    assertThat(none.count()).isZero();
    assertThat(none.columns()).hasSize(7).allMatch(col -> col.count() == 0);
  }
}
