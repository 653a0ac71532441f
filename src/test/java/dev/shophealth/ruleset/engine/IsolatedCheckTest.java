package dev.shophealth.ruleset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Candidates are checked in a child JVM with a deadline and a heap limit: what passes is built here with the child's
 * scenario results; what escapes, hangs or eats memory is refused with a problem that says so, and the child is gone.
 */
class IsolatedCheckTest {

    private static final IsolatedCheck.Limits LIMITS = new IsolatedCheck.Limits(Duration.ofSeconds(60), 256);

    @Test
    void theProjectRulesPassAndAreBuiltWithTheChildsScenarioResults() {
        RulesetFiles files = RulesFolder.copy().files();

        CompiledRuleset checked = IsolatedCheck.compile(files, LIMITS);

        assertEquals(files.revision(), checked.revision());
        assertEquals(RulesetCompiler.compile(files).scenarioResults().size(), checked.scenarioResults().size());
        assertTrue(checked.scenarioResults().stream().allMatch(ScenarioRunner.Result::passed));
    }

    @Test
    void aRejectedCandidateComesBackWithFileAndLine() {
        RulesetFiles broken = RulesFolder.copy().replace("validity/out-of-stock.drl", "warehouseStock >= quantity",
                "warehouseStock >= ").files();

        List<RulesetProblem> problems = assertThrows(RulesetRejectedException.class,
                () -> IsolatedCheck.compile(broken, LIMITS)).problems();

        assertTrue(problems.stream().anyMatch(p -> p.file().equals("validity/out-of-stock.drl") && p.line() != null),
                problems.toString());
    }

    @Test
    void reflectiveEscapesThroughMvelAreRefusedByTheGuardOfTheCheckProcess() {
        // the source scan off: only the class-resolution boundary and the run-time guard stand
        for (SandboxProbes.Probe probe : SandboxProbes.reflectiveEscapes()) {
            CheckMain.Answer answer = IsolatedCheck.runChild(SandboxProbes.folder(probe).files(), LIMITS, false);

            // refused at compile (MVEL's strict typing) or by the guard when the scenario runs, naming the file
            assertTrue(answer.problems().stream().anyMatch(p -> p.file().equals("advice/evil.drl")
                    || p.message().contains("rules may not")), probe.name() + ": " + answer.problems());
        }
    }

    @Test
    void aCandidateThatOutlivesItsDeadlineIsStopped() {
        // the evaluation deadline raised to its maximum: only the process deadline can stop this wait
        RulesetFiles waits = SandboxProbes.folder(SandboxProbes.consequence("backtracking",
                "\"x\".repeat(5000).matches(\"(x+x+)+y\");"))
                .replace("parameters.yaml", "evaluationTimeoutMillis: 300", "evaluationTimeoutMillis: 60000").files();

        List<RulesetProblem> problems = assertThrows(RulesetRejectedException.class,
                () -> IsolatedCheck.compile(waits, new IsolatedCheck.Limits(Duration.ofSeconds(15), 256))).problems();

        assertTrue(problems.get(0).message().contains("did not finish within 15 s"), problems.toString());
    }

    @Test
    void aCandidateThatExhaustsItsHeapIsStopped() {
        RulesetFiles hungry = SandboxProbes.folder(SandboxProbes.consequence("memory",
                "java.util.List<String> all = new java.util.ArrayList<>(); all.add(\"x\".repeat(100_000_000)); "
                        + "all.add(\"y\".repeat(100_000_000)); all.add(\"z\".repeat(100_000_000));")).files();

        List<RulesetProblem> problems = assertThrows(RulesetRejectedException.class,
                () -> IsolatedCheck.compile(hungry, new IsolatedCheck.Limits(Duration.ofSeconds(60), 128))).problems();

        assertTrue(problems.get(0).message().contains("ran out of memory (limit 128 MB)"), problems.toString());
    }

    /**
     * With a child started ahead, the next check is served by it (already warmed by the last candidate that passed)
     * and answers exactly as a cold child; a candidate that waits past its deadline is still stopped in it, and
     * warms no child after it.
     */
    @Test
    void aChildStartedAheadServesTheNextCheckWithTheSameVerdicts() throws Exception {
        RulesetFiles files = RulesFolder.copy().files();
        RulesetFiles edited = parameterChanged();
        IsolatedCheck.Limits limits = new IsolatedCheck.Limits(Duration.ofSeconds(30), 256);
        CheckMain.Answer cold = IsolatedCheck.runChild(edited, limits, true);
        IsolatedCheck.prestart(true);
        try {
            IsolatedCheck.runChild(files, limits, true);
            long used = IsolatedCheck.prestartedUsed();
            waitForAChildStartedAhead();

            CheckMain.Answer warm = IsolatedCheck.runChild(edited, limits, true);

            assertEquals(used + 1, IsolatedCheck.prestartedUsed(), "served by the child started ahead");
            assertEquals(cold.problems(), warm.problems());
            assertEquals(cold.scenarios(), warm.scenarios());
            assertEquals(cold.warnings(), warm.warnings());

            waitForAChildStartedAhead();
            RulesetFiles waits = SandboxProbes.folder(SandboxProbes.consequence("backtracking",
                    "\"x\".repeat(5000).matches(\"(x+x+)+y\");"))
                    .replace("parameters.yaml", "evaluationTimeoutMillis: 300", "evaluationTimeoutMillis: 60000").files();
            List<RulesetProblem> problems = assertThrows(RulesetRejectedException.class,
                    () -> IsolatedCheck.compile(waits, limits)).problems();
            assertEquals(used + 2, IsolatedCheck.prestartedUsed(), "the waiting candidate ran in a child started ahead");
            assertTrue(problems.get(0).message().contains("did not finish within 30 s"), problems.toString());

            // a candidate refused with problems of its own warms no child (the waiting one above had no answer at all)
            IsolatedCheck.runChild(files, limits, true);
            waitForAChildStartedAhead();
            RulesetFiles broken = RulesFolder.copy().replace("validity/out-of-stock.drl", "warehouseStock >= quantity",
                    "warehouseStock >= ").files();
            long started = IsolatedCheck.prestarts();
            assertFalse(IsolatedCheck.runChild(broken, limits, true).problems().isEmpty());
            assertEquals(used + 3, IsolatedCheck.prestartedUsed(), "the broken candidate ran in a child started ahead");
            assertEquals(started, IsolatedCheck.prestarts(), "a refused candidate warms no child");
            assertFalse(IsolatedCheck.hasChildStartedAhead());
        } finally {
            IsolatedCheck.prestart(false);
        }
    }

    /** A check that comes while the child started ahead still warms up waits for it rather than starting another. */
    @Test
    void aCheckWaitsForTheChildStillWarmingUp() throws Exception {
        RulesetFiles files = RulesFolder.copy().files();
        RulesetFiles edited = parameterChanged();
        IsolatedCheck.Limits limits = new IsolatedCheck.Limits(Duration.ofSeconds(30), 256);
        IsolatedCheck.prestart(true);
        try {
            IsolatedCheck.runChild(files, limits, true);
            for (int i = 0; i < 600 && !IsolatedCheck.hasChildStarted(); i++) {
                Thread.sleep(10);
            }
            assertFalse(IsolatedCheck.hasChildStartedAhead(), "the warm-up (a cold compile) takes seconds");
            long used = IsolatedCheck.prestartedUsed();

            CheckMain.Answer answer = IsolatedCheck.runChild(edited, limits, true);

            assertEquals(used + 1, IsolatedCheck.prestartedUsed(), "served by the child that was warming up");
            assertTrue(answer.problems().isEmpty(), answer.problems().toString());
        } finally {
            IsolatedCheck.prestart(false);
        }
    }

    /** The shipped rules with one parameter changed: the same DRL sources. */
    private static RulesetFiles parameterChanged() {
        return RulesFolder.copy().replace("parameters.yaml", "cancelRateWarning: 0.025", "cancelRateWarning: 0.03")
                .files();
    }

    private static void waitForAChildStartedAhead() throws InterruptedException {
        for (int i = 0; i < 600 && !IsolatedCheck.hasChildStartedAhead(); i++) {
            Thread.sleep(100);
        }
        assertTrue(IsolatedCheck.hasChildStartedAhead(), "a child was started ahead within 60 s");
    }
}
