package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.SegmentationContract;

class MemorySegmentationContractTest extends SegmentationContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
