package dev.shophealth.ruleset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The live rule base in rules/: it compiles, every DRL file has scenarios, every scenario passes and every rule
 * fires in at least one scenario. Analysts add cases in YAML; this test runs them without any Java.
 */
class RulesScenariosTest {

    private static final Path RULES = Path.of("rules");

    private static CompiledRuleset compile() {
        try {
            return RulesetCompiler.compile(RulesetFiles.read(RULES));
        } catch (RulesetRejectedException e) {
            fail("rules/ is rejected:\n" + e.problems().stream().map(RulesetProblem::toString)
                    .collect(Collectors.joining("\n")));
            return null;
        }
    }

    @TestFactory
    List<DynamicTest> everyScenarioPasses() {
        CompiledRuleset ruleset = compile();
        return ruleset.scenarioResults().stream()
                .map(r -> DynamicTest.dynamicTest(r.file() + ": " + r.scenario(),
                        () -> assertTrue(r.passed(), String.join("; ", r.failures()))))
                .toList();
    }

    @Test
    void everyDrlFileHasScenarios() {
        RulesetFiles files = RulesetFiles.read(RULES);
        List<String> missing = files.drlFiles().filter(f -> !files.files().containsKey(RulesetFiles.scenariosOf(f)))
                .toList();
        assertEquals(List.of(), missing, "DRL files without a .scenarios.yaml beside them");
    }

    @Test
    void everyRuleFiresInSomeScenario() {
        CompiledRuleset ruleset = compile();
        Set<String> fired = ruleset.scenarioResults().stream().flatMap(r -> r.firedRules().stream())
                .collect(Collectors.toSet());
        List<String> dead = ruleset.rules().stream().map(RuleInfo::id).filter(id -> !fired.contains(id)).toList();
        assertEquals(List.of(), dead, "rules that fire in no scenario");
    }
}
