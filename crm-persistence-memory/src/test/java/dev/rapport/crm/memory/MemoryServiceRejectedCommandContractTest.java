package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.ServiceRejectedCommandContract;

class MemoryServiceRejectedCommandContractTest extends ServiceRejectedCommandContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
