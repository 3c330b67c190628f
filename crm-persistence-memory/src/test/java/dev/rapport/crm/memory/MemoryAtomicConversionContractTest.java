package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.AtomicConversionContract;

class MemoryAtomicConversionContractTest extends AtomicConversionContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
