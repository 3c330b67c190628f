package dev.rapport.crm.memory;

import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.tck.AdapterContract;

/** The whole TCK on the memory adapter: a new, empty store for every test. */
class MemoryAdapterContractTest extends AdapterContract {
  @Override
  protected Persistence persistence() {
    return MemoryPersistence.create();
  }
}
