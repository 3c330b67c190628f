package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.FeedbackContract;

class MemoryFeedbackContractTest extends FeedbackContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
