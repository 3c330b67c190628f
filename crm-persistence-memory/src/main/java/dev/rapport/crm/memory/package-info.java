/**
 * The in-memory persistence adapter: {@link dev.rapport.crm.memory.MemoryPersistence}, and
 * {@link dev.rapport.crm.memory.TestClock} for host tests. Everything else is package-private.
 */
package dev.rapport.crm.memory;
