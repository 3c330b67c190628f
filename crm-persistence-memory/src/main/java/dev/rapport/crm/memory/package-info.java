/**
 * The in-memory persistence adapter: {@link dev.rapport.crm.memory.MemoryPersistence} (with
 * crm-core's {@link dev.rapport.crm.TestClock} for host tests). Everything else is package-private.
 */
package dev.rapport.crm.memory;
