package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.TenantIsolationContract;

class MemoryTenantIsolationContractTest extends TenantIsolationContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
