package dev.rapport.crm.spi;

import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
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

  /** Stores a new opportunity (version 0) and returns it with version 1. */
  Opportunity insert(Opportunity opportunity);

  /** Stores a changed opportunity read at its version; returns it with the next version. */
  Opportunity update(Opportunity opportunity);
}
