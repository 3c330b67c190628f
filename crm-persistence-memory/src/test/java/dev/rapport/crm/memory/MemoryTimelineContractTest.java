package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.TimelineContract;

class MemoryTimelineContractTest extends TimelineContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
