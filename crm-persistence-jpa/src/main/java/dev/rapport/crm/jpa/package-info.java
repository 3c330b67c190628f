/**
 * The JPA adapter: {@link dev.rapport.crm.jpa.JpaPersistence} stores Rapport's data through a
 * JPA 3.1 provider, with its own entity classes (the domain model carries no annotations), schema
 * scripts per database under {@code db/rapport/}, and a transactional outbox that
 * {@link dev.rapport.crm.jpa.OutboxRelay} delivers. Everything else in the package is internal.
 */
package dev.rapport.crm.jpa;
