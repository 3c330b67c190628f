package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.QueryContract;

class MemoryQueryContractTest extends QueryContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
