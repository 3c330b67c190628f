package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.OptimisticConcurrencyContract;

class MemoryOptimisticConcurrencyContractTest extends OptimisticConcurrencyContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
