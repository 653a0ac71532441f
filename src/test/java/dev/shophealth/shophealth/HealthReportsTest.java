package dev.shophealth.shophealth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shophealth.ruleset.engine.RulesetFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which rulesets' health outcomes may be remembered by their facts. */
class HealthReportsTest {

    private static final String RULE = "package rules.rating;\nimport dev.shophealth.fact.ShopWindowFact;\n"
            + "rule \"RAT-X-01 Test\"\nwhen\n  $w : ShopWindowFact(orders > %s)\nthen\nend\n";

    @Test
    void theShippedRulesReadOnlyTheirFacts() {
        assertTrue(HealthReports.readsOnlyFacts(RulesetFiles.read(Path.of("rules"))));
    }

    @Test
    void aRuleThatReadsTheClockOrChanceIsEvaluatedOnEveryRead() {
        assertTrue(HealthReports.readsOnlyFacts(files("10")));
        assertFalse(HealthReports.readsOnlyFacts(files("java.time.LocalDate.now().getDayOfMonth()")));
        assertFalse(HealthReports.readsOnlyFacts(files("(int) (Math.random() * 10)")));
        assertFalse(HealthReports.readsOnlyFacts(files("java.time.Instant.now(java.time.Clock.systemUTC()).getNano()")));
    }

    private static RulesetFiles files(String threshold) {
        return RulesetFiles.of(Map.of("rating/x.drl", String.format(RULE, threshold), "parameters.yaml", "{}"));
    }
}
