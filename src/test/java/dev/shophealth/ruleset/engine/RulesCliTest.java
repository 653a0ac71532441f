package dev.shophealth.ruleset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code rules test <folder>}: passes on the shipped rules, fails with file:line on a broken one, like opa test. */
class RulesCliTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RulesCli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedRulesPass() {
        Run r = run("test", "rules");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("ok    rules/validity/out-of-stock.scenarios.yaml"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("PASS ")), r.out());
    }

    @Test
    void aBrokenRuleFailsWithFileAndLine() {
        RulesFolder broken = RulesFolder.copy().replace("validity/out-of-stock.drl", "warehouseStock >= quantity)",
                "warehouseStock >= )");
        String dir = brokenDir(broken);
        Run r = run("test", dir);
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains(dir + "/validity/out-of-stock.drl:17: "), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("FAIL ")), r.out());
    }

    @Test
    void aFailingScenarioFails() {
        RulesFolder wrong = RulesFolder.copy().replace("validity/out-of-stock.scenarios.yaml",
                "verdict: REJECT\n    findings: [STOCK_SUFFICIENT]", "verdict: APPROVE\n    findings: [STOCK_SUFFICIENT]");
        Run r = run("test", brokenDir(wrong));
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains(brokenDir(wrong) + "/validity/out-of-stock.scenarios.yaml"), r.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run().status());
        assertEquals(2, run("test").status());
        assertEquals(2, run("lint", "rules").status());
        Run missing = run("test", "no-such-folder");
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no such folder"), missing.err());
    }

    private static String brokenDir(RulesFolder folder) {
        return folder.dir().toString();
    }
}
