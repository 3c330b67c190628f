package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.ActivityContract;

class MemoryActivityContractTest extends ActivityContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
