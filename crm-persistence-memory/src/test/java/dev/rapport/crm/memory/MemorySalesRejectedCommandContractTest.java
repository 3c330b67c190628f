package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.SalesRejectedCommandContract;

class MemorySalesRejectedCommandContractTest extends SalesRejectedCommandContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
