package dev.shophealth.ruleset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.shophealth.fact.CancellationRequestFact;
import dev.shophealth.fact.CancellationStatsFact;
import dev.shophealth.fact.Given;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Pooled sessions carry nothing from one evaluation to the next: two cases that decide differently, evaluated
 * alternately on two threads through the same pool, each always gives its first result.
 */
class SessionsTest {

    @Test
    void aReusedSessionRemembersNothing() throws Exception {
        CompiledRuleset ruleset = RulesetCompiler.compile(RulesetFiles.read(Path.of("rules")));
        Given approve = new Given(new CancellationRequestFact("DY1", "S1", "OUT_OF_STOCK", null, 8, 10, 5, null, null,
                null, true), List.of(new CancellationStatsFact(dev.shophealth.fact.Window.SHORT, 7, 60, 1, 1)), List.of(), Map.of());
        Given review = new Given(new CancellationRequestFact("DY2", "S1", "OUT_OF_STOCK", null, 8, 10, null, null,
                null, null, false), List.of(new CancellationStatsFact(dev.shophealth.fact.Window.SHORT, 7, 60, 9, 9)), List.of(), Map.of());
        Evaluation a = Evaluator.evaluate(ruleset, approve);
        Evaluation b = Evaluator.evaluate(ruleset, review);
        assertNotEquals(a.verdict(), b.verdict(), "the two cases must decide differently for this test to mean anything");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = List.of(pool.submit(() -> alternate(ruleset, approve, a, review, b)),
                    pool.submit(() -> alternate(ruleset, review, b, approve, a)));
            for (Future<?> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void alternate(CompiledRuleset ruleset, Given first, Evaluation firstResult, Given second,
            Evaluation secondResult) {
        for (int i = 0; i < 500; i++) {
            assertEquals(firstResult, Evaluator.evaluate(ruleset, first), "evaluation " + i);
            assertEquals(secondResult, Evaluator.evaluate(ruleset, second), "evaluation " + i);
        }
    }
}
