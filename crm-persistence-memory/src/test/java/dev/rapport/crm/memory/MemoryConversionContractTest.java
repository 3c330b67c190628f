package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.ConversionContract;

class MemoryConversionContractTest extends ConversionContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
