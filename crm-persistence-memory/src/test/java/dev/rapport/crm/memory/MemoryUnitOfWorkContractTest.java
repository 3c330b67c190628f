package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.UnitOfWorkContract;

class MemoryUnitOfWorkContractTest extends UnitOfWorkContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
