/**
 * What a persistence adapter implements as a whole: a {@link dev.rapport.crm.spi.Persistence}
 * that opens units of work, each of which gives the tenant-scoped repository ports of the features
 * ({@link dev.rapport.crm.spi.UnitOfWork#port}). The ports themselves live beside their features
 * ({@code lead.LeadRepository}, ...). Every adapter must pass the contract tests of {@code
 * crm-persistence-tck}.
 */
package dev.rapport.crm.spi;
