package dev.shophealth.ruleset;

import dev.shophealth.ruleset.engine.Evaluation;
import dev.shophealth.ruleset.engine.RulesFolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shophealth.fact.CancellationRequestFact;
import dev.shophealth.fact.CancellationStatsFact;
import dev.shophealth.fact.Given;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Safe swap: evaluations on several threads while the ruleset is reloaded again and again. None fails, and each
 * result is exactly what the revision it names decides (a decision never mixes two rulesets).
 */
@QuarkusTest
@TestProfile(CopiedRulesProfile.class)
class RulesetSwapTest {

    static final int THREADS = 4;
    static final int EVALUATIONS = 10_000;
    static final int RELOADS = 12;

    @Inject
    RulesetRegistry registry;
    @Inject
    dev.shophealth.decision.Decisions decisions;

    @AfterEach
    void restoreRules() {
        RulesFolder.copyInto(CopiedRulesProfile.DIR);
        registry.reload();
    }

    @Test
    void evaluationsDuringReloadsNeverFailAndNeverMixRevisions() throws Exception {
        // given: two rulesets that disagree on 5 % (A warns from 2.5 %, B from 6 %)
        RulesFolder rules = RulesFolder.copyInto(CopiedRulesProfile.DIR);
        String warnsAt25 = rules.files().revision();
        String warnsAt6 = rules.replace("parameters.yaml", "cancelRateWarning: 0.025", "cancelRateWarning: 0.06")
                .files().revision();
        RulesFolder.copyInto(CopiedRulesProfile.DIR);
        registry.reload();
        Given fivePercent = new Given(new CancellationRequestFact("DY1", "S1002", "OUT_OF_STOCK", null, 8, 10, 5, null,
                null, null, true), List.of(new CancellationStatsFact(dev.shophealth.fact.Window.SHORT, 7, 60, 3, 1)), List.of(), Map.of());

        // when: evaluations run while the other ruleset is activated again and again
        AtomicInteger done = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean reloading = new java.util.concurrent.atomic.AtomicBoolean(true);
        AtomicLong failures = new AtomicLong();
        Map<String, AtomicInteger> byRevision = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        List<Future<?>> workers = new java.util.ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                // at least EVALUATIONS, and on until the reloads are over, so every reload falls among them
                while (done.incrementAndGet() <= EVALUATIONS || reloading.get()) {
                    Evaluation e = decisions.evaluate(r -> fivePercent).evaluation();
                    boolean warned = e.findings().stream().anyMatch(f -> f.code().equals("HIGH_CANCELLATION_RATE"));
                    boolean consistent = e.rulesetRevision().equals(warnsAt25) ? warned
                            : e.rulesetRevision().equals(warnsAt6) && !warned;
                    if (e.failed() || !consistent) {
                        failures.incrementAndGet();
                    }
                    byRevision.computeIfAbsent(e.rulesetRevision(), k -> new AtomicInteger()).incrementAndGet();
                    // leave a core to the reloads: each candidate is checked in a child process that needs CPU
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                }
            }));
        }
        Future<List<String>> reloader = pool.submit(() -> {
            List<String> activated = new java.util.ArrayList<>();
            for (int reload = 0; reload < RELOADS; reload++) {
                if (reload % 2 == 0) {
                    RulesFolder.copyInto(CopiedRulesProfile.DIR).replace("parameters.yaml",
                            "cancelRateWarning: 0.025", "cancelRateWarning: 0.06");
                } else {
                    RulesFolder.copyInto(CopiedRulesProfile.DIR);
                }
                activated.add(registry.reload().newRevision());
            }
            reloading.set(false);
            return activated;
        });
        for (Future<?> w : workers) {
            w.get(5, TimeUnit.MINUTES);
        }
        List<String> activated = reloader.get(5, TimeUnit.MINUTES);
        pool.shutdown();

        // then
        assertEquals(0, failures.get(), "failed or inconsistent evaluations");
        // each reload activated the other ruleset, alternately
        for (int reload = 0; reload < RELOADS; reload++) {
            assertEquals(reload % 2 == 0 ? warnsAt6 : warnsAt25, activated.get(reload), "reload " + reload);
        }
        assertTrue(byRevision.keySet().stream().allMatch(r -> r.equals(warnsAt25) || r.equals(warnsAt6)),
                "revisions seen: " + byRevision.keySet());
        assertEquals(2, byRevision.size(), "both rulesets served evaluations: " + byRevision);
    }
}
