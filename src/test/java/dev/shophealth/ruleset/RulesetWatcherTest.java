package dev.shophealth.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.RulesFolder;
import dev.shophealth.ruleset.engine.RulesetFiles;
import dev.shophealth.security.Audit;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The folder watcher (shophealth.rules.watch, single-person mode): an edit of the rules folder becomes active by
 * itself, as the system; an edit that fails its checks is refused and the active ruleset stays.
 */
@QuarkusTest
@TestProfile(RulesetWatcherTest.Watched.class)
class RulesetWatcherTest {

    /** A copy of rules/ of its own, watched every second. */
    public static class Watched implements QuarkusTestProfile {

        static final Path DIR = Path.of("target/test-rules-watched");

        @Override
        public Map<String, String> getConfigOverrides() {
            RulesFolder.copyInto(DIR);
            return Map.of("shophealth.rules.dir", DIR.toString(), "shophealth.rules.watch", "true",
                    "shophealth.rules.watch-interval", "1s", "shophealth.rules.governance.single-person", "true");
        }
    }

    @Inject
    RulesetRegistry registry;
    @Inject
    Scheduler scheduler;
    @Inject
    Audit audit;

    @AfterEach
    void restoreRules() {
        RulesFolder.copyInto(Watched.DIR);
        awaitUntil(() -> registry.active().map(CompiledRuleset::revision).orElse("").equals(folderRevision()));
    }

    @Test
    void anEditedFolderBecomesActiveByItself() {
        // given
        assertNotNull(scheduler.getScheduledJob(RulesetRegistry.WATCHER), "the watcher is scheduled");
        String before = registry.active().orElseThrow().revision();

        // when: an analyst saves a file
        RulesFolder.copyInto(Watched.DIR).replace("parameters.yaml", "cancelRateWarning: 0.025",
                "cancelRateWarning: 0.03");
        String edited = folderRevision();

        // then
        assertNotEquals(before, edited);
        awaitUntil(() -> registry.active().orElseThrow().revision().equals(edited));
        assertTrue(registry.active().orElseThrow().files().files().get("parameters.yaml")
                .contains("cancelRateWarning: 0.03 "));
        var activation = audit.recent(20).stream().filter(e -> e.action().equals("RULESET_RELOAD")
                && e.subject().equals(edited)).findFirst().orElseThrow();
        assertEquals("system", activation.actor());
    }

    @Test
    void anEditThatFailsItsChecksIsRefusedAndTheActiveRulesetStays() {
        // given
        String before = registry.active().orElseThrow().revision();

        // when: a rule file that does not compile
        RulesFolder.copyInto(Watched.DIR).write("validity/broken.drl", "package shophealth.validity;\nrule \"X\" when then");
        String broken = folderRevision();

        // then
        awaitUntil(() -> registry.lastFailure().map(f -> f.revision().equals(broken)).orElse(false));
        assertEquals(before, registry.active().orElseThrow().revision());
        assertEquals("validity/broken.drl", registry.lastFailure().orElseThrow().problems().get(0).file());
    }

    private static String folderRevision() {
        return RulesetFiles.read(Watched.DIR).revision();
    }

    /** Waits for the watcher, which compiles and checks in a child process: seconds on a loaded machine. */
    private static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "the watcher did not act within 60 s");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
