package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.LeadScoringContract;

class MemoryLeadScoringContractTest extends LeadScoringContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
