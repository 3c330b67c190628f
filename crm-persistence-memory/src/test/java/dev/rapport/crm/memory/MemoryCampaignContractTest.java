package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.CampaignContract;

class MemoryCampaignContractTest extends CampaignContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
