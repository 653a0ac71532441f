package dev.shophealth.ruleset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shophealth.fact.CancellationRequestFact;
import dev.shophealth.fact.Given;
import dev.shophealth.outcome.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way a candidate ruleset is rejected, and the bound on a looping one. */
class RulesetCompilerTest {

    static final String PARAMS = ParametersReader.FILE;
    static final String OOS = "validity/out-of-stock.drl";

    private static List<RulesetProblem> rejected(RulesFolder rules) {
        return assertThrows(RulesetRejectedException.class, () -> RulesetCompiler.compile(rules.files())).problems();
    }

    private static RulesetProblem only(List<RulesetProblem> problems, String file) {
        return problems.stream().filter(p -> p.file().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem in " + file + ": " + problems));
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        var rules = RulesFolder.copy().replace(OOS, "warehouseStock >= quantity)", "warehouseStock >= )");
        RulesetProblem p = only(rejected(rules), OOS);
        assertNotNull(p.line());
        int lineOfBrokenConstraint = rules.read(OOS).lines().toList().indexOf(rules.read(OOS).lines()
                .filter(l -> l.contains("warehouseStock >= )")).findFirst().orElseThrow()) + 1;
        assertEquals(lineOfBrokenConstraint, p.line());
    }

    @Test
    void parametersMustBeKnownTypedAndInRange() {
        var unknown = RulesFolder.copy().replace(PARAMS, "repeatedReasonCount: 3", "repeatedReasonCount: 3\nmystery: 4");
        assertTrue(only(rejected(unknown), PARAMS).message().contains("unknown parameter 'mystery'"));

        var mistyped = RulesFolder.copy().replace(PARAMS, "otherDetailMinContent: 20", "otherDetailMinContent: twenty");
        RulesetProblem p = only(rejected(mistyped), PARAMS);
        assertTrue(p.message().contains("must be a number"), p.message());
        assertEquals(lineOf(mistyped.read(PARAMS), "otherDetailMinContent"), p.line());

        var fractional = RulesFolder.copy().replace(PARAMS, "otherDetailMinContent: 20", "otherDetailMinContent: 20.5");
        assertTrue(only(rejected(fractional), PARAMS).message().contains("whole number"));

        var outOfRange = RulesFolder.copy().replace(PARAMS, "cancelRateCritical: 0.10", "cancelRateCritical: 1.5");
        assertTrue(only(rejected(outOfRange), PARAMS).message().contains("between 0 and 1"));

        var missing = RulesFolder.copy().replace(PARAMS, "repeatedReasonCount: 3", "");
        assertTrue(only(rejected(missing), PARAMS).message().contains("'repeatedReasonCount' is missing"));

        var contradictory = RulesFolder.copy().replace(PARAMS, "cancelRateWarning: 0.025", "cancelRateWarning: 0.2");
        assertTrue(only(rejected(contradictory), PARAMS).message().contains("below cancelRateCritical"));
    }

    @Test
    void everyCodeNeedsATextInBothLanguages() {
        var rules = RulesFolder.copy().replace("messages_zh_CN.properties", "STOCK_SYNC_GAP=", "STOCK_SYNC_GAP_OLD=");
        RulesetProblem p = only(rejected(rules), OOS);
        assertTrue(p.message().contains("STOCK_SYNC_GAP") && p.message().contains("messages_zh_CN.properties"));
        assertNotNull(p.line());
    }

    @Test
    void aFailingScenarioRejectsTheCandidate() {
        var rules = RulesFolder.copy().replace("validity/out-of-stock.scenarios.yaml",
                "verdict: APPROVE\n    findings: [STOCK_SYNC_GAP]", "verdict: REJECT\n    findings: [STOCK_SYNC_GAP]");
        RulesetProblem p = only(rejected(rules), "validity/out-of-stock.scenarios.yaml");
        assertTrue(p.message().contains("expected verdict REJECT, got APPROVE"), p.message());
    }

    @Test
    void aDrlWithoutScenariosIsRejected() {
        var rules = RulesFolder.copy().delete("advice/buyer-contact.scenarios.yaml");
        assertTrue(only(rejected(rules), "advice/buyer-contact.drl").message().contains("has no scenarios"));
    }

    @Test
    void rulesMustNotChangeFactsOrDeclareOtherGlobals() {
        var modifying = RulesFolder.copy().replace("advice/buyer-contact.drl",
                "CancellationRequestFact(buyerContacted == false)\nthen",
                "$r : CancellationRequestFact(buyerContacted == false)\nthen\n    update($r);");
        assertTrue(only(rejected(modifying), "advice/buyer-contact.drl").message().contains("never change facts"));

        var global = RulesFolder.copy().replace("advice/buyer-contact.drl",
                "global dev.shophealth.outcome.Outcomes outcomes;",
                "global dev.shophealth.outcome.Outcomes outcomes;\nglobal java.util.List sink;");
        assertTrue(only(rejected(global), "advice/buyer-contact.drl").message().contains("global 'sink'"));
    }

    @Test
    void ruleNamesStartWithAStableUniqueId() {
        var unnamed = RulesFolder.copy().replace("advice/buyer-contact.drl", "\"ADV-CON-01 Buyer not contacted\"",
                "\"Buyer not contacted\"");
        assertTrue(only(rejected(unnamed), "advice/buyer-contact.drl").message().contains("stable id"));
        var twice = RulesFolder.copy().replace("advice/buyer-contact.drl", "\"ADV-CON-01 Buyer not contacted\"",
                "\"VAL-OOS-01 Buyer not contacted\"");
        assertTrue(rejected(twice).stream().anyMatch(p -> p.message().contains("VAL-OOS-01 is used already")));
    }

    @Test
    void aLoopingRulesetEndsWithAnErrorWithinTheBound() {
        // a rule that keeps activating itself: every firing inserts a fact that matches it again
        var rules = RulesFolder.copy().write("advice/loop.drl", """
                // A deliberately looping rule, for this test only.
                package shophealth.advice;
                import dev.shophealth.fact.CancellationRequestFact;
                global dev.shophealth.outcome.Outcomes outcomes;
                rule "ADV-LOOP-01 Keeps itself busy"
                when
                    CancellationRequestFact(reason == "LOOP") or java.util.ArrayList()
                then
                    insert(new java.util.ArrayList());
                end
                """).write("advice/loop.scenarios.yaml", """
                - name: loops until the bound stops it
                  given:
                    request: {orderNo: O1, shopId: S1, reason: LOOP, quantity: 1, listedStockAtOrder: 1, buyerContacted: true}
                  expect:
                    error: true
                """);
        CompiledRuleset ruleset = RulesetCompiler.compile(rules.files());
        Given given = new Given(new CancellationRequestFact("O1", "S1", "LOOP", null, 1, 1, null, null, null, null,
                true), List.of(), List.of(), Map.of("maxRuleFirings", 200));

        Evaluation result = Evaluator.evaluate(ruleset, given);

        assertNotNull(result.error());
        assertTrue(result.error().contains("200 rule firings"), result.error());
        assertEquals(Verdict.MANUAL_REVIEW, result.verdict());
        // Drools' fireAllRules(max) may fire one match beyond max before it returns
        assertTrue(result.firings() >= 200 && result.firings() <= 201, "stopped at the bound: " + result.firings());
    }

    @Test
    void theRevisionIsAHashOfTheContent() {
        var a = RulesFolder.copy();
        var b = RulesFolder.copy();
        assertEquals(a.files().revision(), b.files().revision());
        b.replace(PARAMS, "cancelRateWarning: 0.025", "cancelRateWarning: 0.03");
        assertNotEquals(a.files().revision(), b.files().revision());
        assertNull(RulesetCompiler.compile(a.files()).warnings().stream()
                .filter(w -> w.message().contains("fires in no scenario")).findAny().orElse(null));
    }

    private static int lineOf(String text, String start) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start + " not found");
    }

    /**
     * The service builds a checked candidate whose DRL files it built before from that rule base (a change of
     * parameters only), and compiles anything else; either way it judges with its own parameters.
     */
    @Test
    void aCheckedCandidateWithTheSameRuleFilesReusesTheirRuleBase() {
        RulesetFiles files = RulesFolder.copy().files();
        CompiledRuleset first = RulesetCompiler.compile(files);
        CompiledRuleset built = RulesetCompiler.buildChecked(files, first.scenarioResults(), first.warnings());
        RulesetFiles retuned = RulesFolder.copy().replace(PARAMS, "cancelRateWarning: 0.025",
                "cancelRateWarning: 0.03").files();
        RulesetFiles rewritten = RulesFolder.copy().replace(OOS, "warehouseStock >= quantity",
                "warehouseStock >= quantity + 0").files();

        CompiledRuleset sameRules = RulesetCompiler.buildChecked(retuned, first.scenarioResults(), first.warnings());
        CompiledRuleset otherRules = RulesetCompiler.buildChecked(rewritten, first.scenarioResults(), first.warnings());

        assertTrue(sameRules.kieBase() == built.kieBase(), "parameters changed only: the rule base is reused");
        assertTrue(otherRules.kieBase() != built.kieBase(), "a rule changed: compiled anew");
        assertEquals(0.03, sameRules.parameters().parameters().cancelRateWarning(), 1e-9);
        assertEquals(0.025, built.parameters().parameters().cancelRateWarning(), 1e-9);
        assertNotEquals(sameRules.revision(), built.revision());
    }
}
