package dev.shophealth.ruleset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shophealth.fact.CancellationRequestFact;
import dev.shophealth.fact.Given;
import dev.shophealth.outcome.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gap the check process cannot close: MVEL reaches members reflectively on whatever a fact gives it, so a rule
 * that names no class can still climb from a fact to {@code Class}, {@code ClassLoader} or {@code Method} — and if no
 * scenario makes it run, the check process never sees it. Here each probe hides behind {@code quantity == 987654}
 * (no scenario has it) and is compiled as the serving process compiles. Each is refused before it can run: every
 * member whose value leads out of the allow-list ({@code getClass}, {@code class}, {@code getDeclaringClass}…) is
 * derived from the allowed types ({@link RuleTypes#exits}) and refused by name, and MVEL reaches no member without
 * naming it. Had one compiled, it is evaluated 30 times (past Drools' constraint-jitting threshold) on a live request
 * that triggers it and must end with an error outcome every time, and no side effect.
 */
class HiddenReflectionTest {

    private static final String TRIGGER = "quantity == 987654 && ";

    static Stream<SandboxProbes.Probe> probes() {
        String touch = "\"touch " + SandboxProbes.PWNED + "\"";
        return Stream.of(
                SandboxProbes.constraint("Runtime through getClass().forName", TRIGGER
                        + "this.getClass().forName(\"java.lang.Runtime\").getRuntime().exec(" + touch + ") != null"),
                SandboxProbes.constraint("class loader as a property", TRIGGER + "this.class.classLoader != null"),
                SandboxProbes.constraint("class loader loads System", TRIGGER
                        + "this.class.classLoader.loadClass(\"java.lang.System\").getenv(\"PATH\") != null"),
                SandboxProbes.constraint("reflective method invoke", TRIGGER
                        + "reason.getClass().getMethod(\"valueOf\", Object.class) != null"),
                SandboxProbes.constraint("enum's declaring class", TRIGGER
                        + "java.time.DayOfWeek.MONDAY.getDeclaringClass().getClassLoader() != null"),
                SandboxProbes.constraint("wait on a fact", TRIGGER + "this.wait(1) == null"),
                SandboxProbes.constraint("class of a collection element", TRIGGER
                        + "java.util.List.of(this).get(0).getClass().getProtectionDomain() != null"),
                SandboxProbes.constraint("string's class module", TRIGGER
                        + "detail.getClass().getModule().getClassLoader() == null"),
                SandboxProbes.constraint("enum's declaring class as properties", TRIGGER
                        + "java.time.DayOfWeek.MONDAY.declaringClass.protectionDomain != null"),
                SandboxProbes.constraint("a constant's description", TRIGGER
                        + "java.time.DayOfWeek.MONDAY.describeConstable().get().constantType() != null"),
                SandboxProbes.constraint("class as a bare property of the fact", TRIGGER + "class.name != null"));
    }

    @AfterEach
    void noFile() {
        assertFalse(Files.exists(Path.of(SandboxProbes.PWNED)), "a rule created a file");
    }

    @Test
    void factsAndOutcomesLeadNowhereElse() {
        for (Class<?> type : List.of(CancellationRequestFact.class, dev.shophealth.fact.CancellationStatsFact.class,
                dev.shophealth.fact.ShopWindowFact.class, dev.shophealth.fact.Parameters.class,
                dev.shophealth.outcome.Outcomes.class, dev.shophealth.outcome.Verdict.class)) {
            assertEquals(java.util.Set.of(), RuleTypes.exitsOf(type), type.getName());
        }
    }

    @Test
    void theExitsAreDerivedFromTheTypes() {
        assertTrue(RuleTypes.exits().containsAll(List.of("getClass", "class", "getDeclaringClass", "declaringClass",
                "describeConstable", "wait", "stream", "chars")), RuleTypes.exits().toString());
        assertFalse(RuleTypes.exits().stream().anyMatch(List.of("length", "equals", "compareTo", "size", "get",
                "isEmpty", "contains", "trim", "name", "ordinal", "getDayOfWeek", "toString", "hashCode")::contains),
                RuleTypes.exits().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void aHiddenReflectiveChainNeverRunsOnLiveFacts(SandboxProbes.Probe probe) {
        CompiledRuleset ruleset;
        try {
            ruleset = RulesetCompiler.compile(SandboxProbes.folder(probe).files(), RulesetCompiler.Options.FULL);
        } catch (RulesetRejectedException refused) {
            assertTrue(refused.problems().stream().anyMatch(p -> p.file().equals("advice/evil.drl")
                    && p.message().contains("not allowed in rule files")), probe.name() + ": " + refused.problems());
            return;
        }
        Given live = new Given(new CancellationRequestFact("DY1", "S1", "OUT_OF_STOCK", "x", 987654, 987654, 5, null,
                null, null, true), List.of(), List.of(), Map.of());
        for (int i = 0; i < 30; i++) {
            Evaluation result = Evaluator.evaluate(ruleset, live);
            assertNotNull(result.error(), probe.name() + " ran on a live fact (evaluation " + i + ")");
            assertEquals(Verdict.MANUAL_REVIEW, result.verdict());
            assertTrue(result.firedRules().stream().noneMatch(f -> f.id().equals("ADV-EVIL-01")),
                    probe.name() + " fired");
        }
    }
}
