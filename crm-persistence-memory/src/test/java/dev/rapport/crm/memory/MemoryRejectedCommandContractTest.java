package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.RejectedCommandContract;

class MemoryRejectedCommandContractTest extends RejectedCommandContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
