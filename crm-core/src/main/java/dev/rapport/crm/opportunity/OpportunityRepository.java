package dev.rapport.crm.opportunity;

import dev.rapport.crm.spi.Pages;
import dev.rapport.crm.spi.UnitOfWork;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * The opportunities of one tenant, inside one {@link UnitOfWork}. Insert and update follow the
 * same version rules as {@link LeadRepository#insert} and {@link LeadRepository#update}.
 */
public interface OpportunityRepository {

  /** The opportunity with this id, or empty. */
  Optional<Opportunity> find(OpportunityId id);

  /** The page of opportunities matching the query, in id order. */
  Page<Opportunity> query(OpportunityQuery query, PageRequest page);

  /**
   * How many opportunities match the query: as many as walking every page of {@link #query}
   * returns. The default walks the pages; an adapter should count in its store.
   */
  default long count(OpportunityQuery query) {
    return Pages.count(p -> query(query, p));
  }

  /**
   * The pipeline board's sums: per stage and currency, of the opportunities the query matches,
   * how many, their amount and their amount times probability (percent). Pairs without any are
   * left out. One query on a database.
   */
  List<BoardRow> board(OpportunityQuery query);

  /** One stage's opportunities in one currency: see {@link #board}. */
  record BoardRow(String stage, java.util.Currency currency, long count, java.math.BigDecimal amount,
      java.math.BigDecimal amountTimesProbability) {
    /** @throws NullPointerException if a part is null */
    public BoardRow {
      java.util.Objects.requireNonNull(stage, "stage");
      java.util.Objects.requireNonNull(currency, "currency");
      java.util.Objects.requireNonNull(amount, "amount");
      java.util.Objects.requireNonNull(amountTimesProbability, "amountTimesProbability");
    }
  }

  /** Stores a new opportunity (version 0) and returns it with version 1. */
  Opportunity insert(Opportunity opportunity);

  /** Stores a changed opportunity read at its version; returns it with the next version. */
  Opportunity update(Opportunity opportunity);

  /**
   * Deletes the opportunity with its stage history (the visits the reports read).
   *
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if it is no longer at its version
   *     (checked at once or at commit)
   */
  void delete(Opportunity opportunity);
}
