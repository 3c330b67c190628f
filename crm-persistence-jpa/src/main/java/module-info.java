/**
 * The JPA adapter: {@link dev.rapport.crm.jpa.JpaPersistence} stores Rapport's data through a JPA
 * 3.1 provider, and {@link dev.rapport.crm.jpa.OutboxRelay} delivers its outbox.
 *
 * <p>The entity package and the converter package are open to every module, not only to one
 * provider: a JPA provider reads and writes the entities' package-private fields and instantiates
 * the converter reflectively, and which provider that is (Hibernate, EclipseLink, another) and
 * which of its modules does it (its proxies, its bytecode library) is the host's choice. Neither
 * package is exported: no host code compiles against the entities.
 */
module dev.rapport.crm.jpa {
  requires transitive dev.rapport.crm;
  requires transitive jakarta.persistence;
  requires com.fasterxml.jackson.databind;

  exports dev.rapport.crm.jpa;

  opens dev.rapport.crm.jpa;
  opens dev.rapport.crm.jpa.internal;
}
