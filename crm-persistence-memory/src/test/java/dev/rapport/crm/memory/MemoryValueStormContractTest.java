package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.ValueStormContract;

class MemoryValueStormContractTest extends ValueStormContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
