/**
 * The JUnit 5 test kit: {@link dev.rapport.crm.test.CrmExtension} hands a test a fresh in-memory
 * {@code Crm}, its clock and the events it raised; {@link dev.rapport.crm.test.RapportAssertions}
 * asserts on Rapport's records.
 */
module dev.rapport.crm.test {
  requires transitive dev.rapport.crm;
  requires transitive dev.rapport.crm.memory;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;

  exports dev.rapport.crm.test;
}
