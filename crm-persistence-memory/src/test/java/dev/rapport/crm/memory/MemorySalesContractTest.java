package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.SalesContract;

class MemorySalesContractTest extends SalesContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
