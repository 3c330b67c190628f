/**
 * The in-memory persistence adapter: {@link dev.rapport.crm.memory.MemoryPersistence} (with
 * crm-core's {@link dev.rapport.crm.TestClock} for host tests).
 */
module dev.rapport.crm.memory {
  requires transitive dev.rapport.crm;

  exports dev.rapport.crm.memory;
}
