/**
 * The JPA adapter: {@link dev.rapport.crm.jpa.JpaPersistence} stores Rapport's data through a JPA
 * 3.1 provider, and {@link dev.rapport.crm.jpa.OutboxRelay} delivers its outbox.
 *
 * <p>{@code dev.rapport.crm.jpa} holds the entities beside the API; it is open to every module,
 * and so is the converter package {@code dev.rapport.crm.jpa.internal} (not exported), rather than
 * to one provider: the JPA provider reads and writes the entities' package-private fields and
 * instantiates the converter reflectively, and which provider that is (Hibernate, EclipseLink,
 * another) and which of its modules does the reflection is the host's choice. The directories of
 * the schema scripts, {@code db/rapport/<h2|mariadb|postgresql>}, are open packages too: a
 * resource in a named module is hidden from other modules, Flyway among them, unless its package
 * is open.
 */
module dev.rapport.crm.jpa {
  requires transitive dev.rapport.crm;
  requires transitive jakarta.persistence;
  requires com.fasterxml.jackson.databind;
  requires dev.rapport.crm.jackson;

  exports dev.rapport.crm.jpa;

  opens dev.rapport.crm.jpa;
  opens dev.rapport.crm.jpa.internal;

  // the schema scripts (resources), for classpath:db/rapport/<database> from any module
  opens db.rapport.h2;
  opens db.rapport.mariadb;
  opens db.rapport.postgresql;
}
