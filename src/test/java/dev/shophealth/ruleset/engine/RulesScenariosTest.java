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

    /**
     * Each scenario run here, one test each, on the ruleset compiled without its scenarios (a failing scenario would
     * make the full compile throw, and the test would say only that).
     */
    @TestFactory
    List<DynamicTest> everyScenarioPasses() {
        RulesetFiles files = RulesetFiles.read(RULES);
        CompiledRuleset ruleset = RulesetCompiler.compile(files, new RulesetCompiler.Options(true, List.of(), List.of()));
        List<DynamicTest> tests = new java.util.ArrayList<>();
        files.drlFiles().map(RulesetFiles::scenariosOf).filter(files.files()::containsKey).forEach(file -> {
            List<RulesetProblem> problems = new java.util.ArrayList<>();
            List<Scenario> scenarios = ScenarioRunner.parse(file, files.files().get(file), problems);
            tests.add(DynamicTest.dynamicTest(file + " reads", () -> assertEquals(List.of(), problems)));
            for (Scenario scenario : scenarios) {
                tests.add(DynamicTest.dynamicTest(file + ": " + scenario.name(), () -> {
                    ScenarioRunner.Result r = ScenarioRunner.run(ruleset, file, scenario);
                    assertTrue(r.passed(), String.join("; ", r.failures()));
                }));
            }
        });
        return tests;
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
