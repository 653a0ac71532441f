package dev.shophealth;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package structure of ARCHITECTURE.md, checked on the compiled classes (not the tests): no package depends on
 * itself through others, and the rule engine stays a plain library.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.shophealth");

    @Test
    void noPackageCycles() {
        slices().matching("dev.shophealth.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theRuleEngineDependsOnFactsAndOutcomesOnly() {
        noClasses().that().resideInAPackage("dev.shophealth.ruleset.engine..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.shophealth.common..", "dev.shophealth.cancellation..",
                        "dev.shophealth.decisionlog..", "dev.shophealth.order..", "dev.shophealth.security..",
                        "dev.shophealth.shophealth..", "dev.shophealth.sample..", "dev.shophealth.dataimport..",
                        "dev.shophealth.ruleset.backtest..", "dev.shophealth.ruleset.version..")
                .orShould().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "io.vertx..",
                        "org.hibernate..", "io.agroal..", "org.eclipse.microprofile..")
                .check(CLASSES);
    }

    @Test
    void factsAndOutcomesDependOnNothingOfTheService() {
        noClasses().that().resideInAnyPackage("dev.shophealth.fact..", "dev.shophealth.outcome..").should()
                .dependOnClassesThat().resideInAnyPackage("dev.shophealth.ruleset..", "dev.shophealth.common..",
                        "dev.shophealth.cancellation..", "dev.shophealth.decisionlog..", "dev.shophealth.order..",
                        "dev.shophealth.security..", "dev.shophealth.shophealth..", "jakarta..", "io.quarkus..")
                .check(CLASSES);
    }
}
