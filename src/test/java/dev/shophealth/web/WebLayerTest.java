package dev.shophealth.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The pages are the top layer (ARCHITECTURE.md): nothing else imports them, and they reach the data through the
 * services, never the decision log, the sample loader or the importers (the analysts' workbench pages call the
 * version and backtest services, as their API does).
 */
class WebLayerTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.shophealth");

    @Test
    void nothingImportsThePages() {
        noClasses().that().resideOutsideOfPackage("dev.shophealth.web..").should().dependOnClassesThat()
                .resideInAPackage("dev.shophealth.web..").check(CLASSES);
    }

    @Test
    void pagesUseServicesNotTheDecisionLogOrTheLoaders() {
        noClasses().that().resideInAPackage("dev.shophealth.web..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.shophealth.decisionlog..", "dev.shophealth.sample..",
                        "dev.shophealth.dataimport..")
                .check(CLASSES);
    }
}
