package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.AnalyticsContract;

class MemoryAnalyticsContractTest extends AnalyticsContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
