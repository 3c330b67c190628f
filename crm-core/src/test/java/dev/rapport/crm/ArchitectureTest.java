package dev.rapport.crm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the domain free of infrastructure, as the design demands. */
class ArchitectureTest {
  private static final String[] DOMAIN = {
      "dev.rapport.crm.common..", "dev.rapport.crm.lead..", "dev.rapport.crm.contact..",
      "dev.rapport.crm.opportunity..", "dev.rapport.crm.event..", "dev.rapport.crm.spi..",
      "dev.rapport.crm.service..", "dev.rapport.crm.feedback.."};

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.rapport.crm");
  }

  @Test
  void theDomainImportsNothingOfJacksonJpaSlf4jOrAnyAdapter() {
    noClasses().that().resideInAnyPackage(DOMAIN)
        .should().dependOnClassesThat().resideInAnyPackage(
            "com.fasterxml.jackson..", "jakarta.persistence..", "javax.persistence..",
            "org.slf4j..", "org.hibernate..", "org.eclipse.persistence..", "java.sql..",
            "dev.rapport.crm.memory..", "dev.rapport.crm.jpa..")
        .check(classes);
  }

  @Test
  void onlyTheInternalPackageLogs() {
    noClasses().that().resideOutsideOfPackage("dev.rapport.crm.internal..")
        .should().dependOnClassesThat().resideInAPackage("org.slf4j..")
        .check(classes);
  }

  @Test
  void theCoreHoldsNoMutableStaticState() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields()
        .that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("dev.rapport.crm..")
        .should().beFinal()
        .check(classes);
  }

  @Test
  void exceptionsAreCrmExceptions() {
    classes().that().resideInAPackage("dev.rapport.crm").and().haveSimpleNameEndingWith("Exception")
        .should().beAssignableTo(CrmException.class)
        .check(classes);
  }
}
