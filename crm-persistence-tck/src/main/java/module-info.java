/**
 * The adapter contract: an adapter's test extends {@link dev.rapport.crm.tck.AdapterContract} and
 * JUnit runs every contract against it. The package is open to JUnit, which instantiates the
 * package-private nested contract classes and calls their test methods reflectively.
 */
module dev.rapport.crm.tck {
  requires transitive dev.rapport.crm;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires org.assertj.core;

  exports dev.rapport.crm.tck;
  opens dev.rapport.crm.tck to org.junit.platform.commons;
}
