package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.RoundTripContract;

class MemoryRoundTripContractTest extends RoundTripContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
