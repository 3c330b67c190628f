package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.EventDeliveryContract;

class MemoryEventDeliveryContractTest extends EventDeliveryContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
