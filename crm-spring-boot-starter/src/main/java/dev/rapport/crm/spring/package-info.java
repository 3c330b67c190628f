/**
 * Rapport in a Spring Boot 3.5 application: {@link dev.rapport.crm.spring.RapportAutoConfiguration}
 * makes a {@link dev.rapport.crm.spi.Persistence} on the host's {@code EntityManagerFactory} that
 * joins Spring's transactions ({@link dev.rapport.crm.spring.SpringPersistence}), a
 * {@link dev.rapport.crm.spring.CrmProvider} that hands out the {@code Crm} of the tenant that a
 * host's {@link dev.rapport.crm.spring.RapportTenantResolver} names, and the outbox relay for the
 * host's scheduler. Every bean backs off when the host defines its own.
 */
package dev.rapport.crm.spring;
