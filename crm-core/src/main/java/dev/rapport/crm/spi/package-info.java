/**
 * The ports a persistence adapter implements. An adapter provides a {@link
 * dev.rapport.crm.spi.Persistence}; each unit of work it opens gives tenant-scoped repositories.
 * Every adapter must pass the contract tests of {@code crm-persistence-tck}.
 */
package dev.rapport.crm.spi;
