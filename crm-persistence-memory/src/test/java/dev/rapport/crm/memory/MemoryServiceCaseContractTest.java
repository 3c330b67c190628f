package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.ServiceCaseContract;

class MemoryServiceCaseContractTest extends ServiceCaseContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
