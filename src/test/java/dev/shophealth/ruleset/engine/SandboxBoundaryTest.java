package dev.shophealth.ruleset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the serving process has beneath the source scan holds on its own: with the scan turned off and without the
 * run-time guard (which only the check process installs), every escape of issue 10 that names a class is refused by
 * the class-resolution boundary (ECJ, linking, MVEL's names), and every runaway ends within the evaluation deadline
 * or as a failed evaluation — leaving no trace: no file, no changed locale, time zone or system property. Escapes that
 * name no class are in {@link IsolatedCheckTest}.
 */
class SandboxBoundaryTest {

    private final Locale locale = Locale.getDefault();
    private final TimeZone zone = TimeZone.getDefault();
    private final String zoneProperty = System.getProperty("user.timezone");

    static Stream<SandboxProbes.Probe> escapes() {
        return SandboxProbes.escapes().stream();
    }

    static Stream<SandboxProbes.Probe> runaways() {
        return SandboxProbes.runaways().stream();
    }

    @AfterEach
    void leavesNoTrace() {
        assertFalse(Files.exists(Path.of(SandboxProbes.PWNED)), "a rule created a file");
        assertEquals(locale, Locale.getDefault(), "a rule changed the JVM's locale");
        assertEquals(zone, TimeZone.getDefault(), "a rule changed the JVM's time zone");
        assertEquals(zoneProperty, System.getProperty("user.timezone"), "a rule changed a system property");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void escapesAreRefusedWithoutTheSourceScan(SandboxProbes.Probe probe) {
        List<RulesetProblem> problems = refused(probe);
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("advice/evil.drl")
                || p.message().contains("rules may not") || p.message().contains("not available to rules")),
                probe.name() + ": refused by a boundary, naming the file or the attempt: " + problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runaways")
    void runawaysEndWithinTheirLimits(SandboxProbes.Probe probe) {
        List<RulesetProblem> problems = refused(probe);
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("advice/evil.drl")
                || p.message().contains("did not finish within") || p.message().contains("failed while firing")),
                probe.name() + ": " + problems);
    }

    private static List<RulesetProblem> refused(SandboxProbes.Probe probe) {
        RulesetFiles files = SandboxProbes.folder(probe).files();
        List<RulesetProblem> problems =  assertThrows(RulesetRejectedException.class, () -> RulesetCompiler.compile(files,
                new RulesetCompiler.Options(false, null, List.of())), probe.name()).problems();
        assertTrue(problems.stream().noneMatch(p -> p.file().equals("advice/evil.scenarios.yaml")
                && p.message().contains("not a valid scenarios file")), "the probe's scenario must run: " + problems);
        return problems;
    }
}
