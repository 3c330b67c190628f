/**
 * JSON for Rapport's values, records and events through Jackson: register {@link
 * dev.rapport.crm.jackson.RapportModule} with a mapper, or let {@code findAndRegisterModules()}
 * find it (it is provided as a service). It calls the public constructors, factories and accessors
 * of the packages {@code dev.rapport.crm} exports, so it needs no package opened to it.
 */
module dev.rapport.crm.jackson {
  requires transitive dev.rapport.crm;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;

  exports dev.rapport.crm.jackson;

  provides com.fasterxml.jackson.databind.Module with dev.rapport.crm.jackson.RapportModule;
}
