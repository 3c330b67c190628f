package dev.rapport.crm;

import dev.rapport.crm.exception.CrmException;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.rapport.crm.internal.context.CrmContext;
import java.util.stream.Stream;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the domain free of infrastructure and the packages on floors, as the design demands:
 * no cycle between the packages of the core, and each floor uses only the floors below it
 * ({@code docs/architecture.md} draws them).
 */
class ArchitectureTest {
  /** Every package of the core but {@code internal}, which logs. */
  private static final String[] DOMAIN = {
      "dev.rapport.crm", "dev.rapport.crm.exception..", "dev.rapport.crm.common..", "dev.rapport.crm.event..",
      "dev.rapport.crm.spi..", "dev.rapport.crm.contact..", "dev.rapport.crm.opportunity..", "dev.rapport.crm.lead..",
      "dev.rapport.crm.activity..", "dev.rapport.crm.campaign..", "dev.rapport.crm.service..",
      "dev.rapport.crm.feedback..", "dev.rapport.crm.sales..", "dev.rapport.crm.analytics.."};

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
  void thePackagesOfTheCoreFormNoCycle() {
    slices().matching("dev.rapport.crm.(**)").namingSlices("$1").should().beFreeOfCycles().check(classes);
    // the root holds Crm, on the top floor: nothing below reaches it
    noClasses().that().resideOutsideOfPackage("dev.rapport.crm")
        .should().dependOnClassesThat().resideInAPackage("dev.rapport.crm")
        .check(classes);
  }

  @Test
  void eachFloorUsesOnlyTheFloorsBelowIt() {
    String[][] floors = {
        {"dev.rapport.crm.exception.."},
        {"dev.rapport.crm.internal"},
        {"dev.rapport.crm.common.."},
        {"dev.rapport.crm.event.."},
        {"dev.rapport.crm.spi.."},
        {"dev.rapport.crm.internal.context.."},
        {"dev.rapport.crm.field.."},
        {"dev.rapport.crm.contact.."},
        {"dev.rapport.crm.opportunity.."},
        {"dev.rapport.crm.lead.."},
        {"dev.rapport.crm.activity.."},
        {"dev.rapport.crm.campaign..", "dev.rapport.crm.service.."},
        {"dev.rapport.crm.feedback..", "dev.rapport.crm.sales.."},
        {"dev.rapport.crm.analytics.."},
        {"dev.rapport.crm.servicelevel.."},
        {"dev.rapport.crm.mail.."},
        {"dev.rapport.crm.audit.."},
        {"dev.rapport.crm.privacy.."},
        {"dev.rapport.crm.search.."}};
    for (int i = 0; i < floors.length; i++) {
      java.util.List<String> above = new java.util.ArrayList<>(java.util.List.of("dev.rapport.crm"));
      for (int j = i + 1; j < floors.length; j++) {
        above.addAll(java.util.List.of(floors[j]));
      }
      noClasses().that().resideInAnyPackage(floors[i])
          .should().dependOnClassesThat().resideInAnyPackage(above.toArray(String[]::new))
          .because("a floor uses only the floors below it (" + String.join(", ", floors[i]) + ")")
          .check(classes);
    }
  }

  @Test
  void noPublicSignatureOutsideInternalNamesAnInternalType() {
    codeUnits().that().arePublic()
        .and().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideOutsideOfPackage("dev.rapport.crm.internal..")
        .should(new ArchCondition<JavaCodeUnit>("name no type of dev.rapport.crm.internal") {
          @Override
          public void check(JavaCodeUnit unit, ConditionEvents events) {
            Stream.concat(unit.getRawParameterTypes().stream(), Stream.of(unit.getRawReturnType()))
                .filter(t -> t.getPackageName().startsWith("dev.rapport.crm.internal"))
                .forEach(t -> events.add(SimpleConditionEvent.violated(unit,
                    unit.getFullName() + " names " + t.getName())));
          }
        })
        .check(classes);
  }

  @Test
  void servicesAreReachedOnlyThroughCrm() {
    constructors().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Service")
        .and().areDeclaredInClassesThat().resideOutsideOfPackage("dev.rapport.crm.internal..")
        .should().notBePublic()
        .check(classes);
    classes().that().haveSimpleNameEndingWith("Service").and().resideOutsideOfPackage("dev.rapport.crm.internal..")
        .should(new ArchCondition<JavaClass>("have the constructor Services.create calls, taking a CrmContext") {
          @Override
          public void check(JavaClass type, ConditionEvents events) {
            if (type.tryGetConstructor(CrmContext.class).isEmpty()) {
              events.add(SimpleConditionEvent.violated(type, type.getName() + " has no constructor (CrmContext)"));
            }
          }
        })
        .check(classes);
  }

  @Test
  void exceptionsAreCrmExceptions() {
    classes().that().resideInAPackage("dev.rapport.crm.exception").and().haveSimpleNameEndingWith("Exception")
        .should().beAssignableTo(CrmException.class)
        .check(classes);
  }
}
