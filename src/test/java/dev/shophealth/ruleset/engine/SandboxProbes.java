package dev.shophealth.ruleset.engine;

import java.util.List;

/**
 * Hostile rule files, one per escape that worked before the sandbox was a boundary (issue 10), plus the hangs and
 * crashes. Each is a complete DRL file in package {@code shophealth.advice}; {@link #folder} adds it to a copy of
 * rules/ with a scenario that makes it fire.
 */
final class SandboxProbes {

    /** A probe: its name, its DRL, and the file its side effect would create (or null). */
    record Probe(String name, String drl) {
    }

    static final String HEADER = """
            package shophealth.advice;
            import dev.shophealth.fact.CancellationRequestFact;
            global dev.shophealth.outcome.Outcomes outcomes;
            """;

    /** The side effect file the escapes try to create, in the process's working folder. */
    static final String PWNED = "pwned-by-rule";

    static Probe consequence(String name, String body) {
        return new Probe(name, HEADER + """
                rule "ADV-EVIL-01 Harmless looking"
                when
                    $r : CancellationRequestFact()
                then
                """ + "    " + body + "\n    outcomes.approve(drools, \"STOCK_SYNC_GAP\");\nend\n");
    }

    static Probe constraint(String name, String condition) {
        return new Probe(name, HEADER + """
                rule "ADV-EVIL-01 Harmless looking"
                when
                """ + "    $r : CancellationRequestFact(" + condition + ")\n" + """
                then
                    outcomes.approve(drools, "STOCK_SYNC_GAP");
                end
                """);
    }

    /** The nine escapes of the issue, and the JVM-wide setters. */
    static List<Probe> escapes() {
        String exec = "Runtime.getRuntime().exec(new String[] {\\\"touch\\\", \\\"" + PWNED + "\\\"})";
        return List.of(
                consequence("MVEL.eval from a consequence", "org.mvel2.MVEL.eval(\"" + exec + "\");"),
                new Probe("MVEL in from", HEADER + """
                        rule "ADV-EVIL-01 Harmless looking"
                        when
                            $r : CancellationRequestFact()
                            $x : Object() from org.mvel2.MVEL.eval("%s")
                        then
                            outcomes.approve(drools, "STOCK_SYNC_GAP");
                        end
                        """.formatted(exec)),
                consequence("class name built from strings", "Class.forName(\"java.lang.\" + \"Run\" + \"time\");"),
                consequence("H2 file utilities", "org.h2.store.fs.FileUtils.createFile(\"" + PWNED + "\");"),
                consequence("Vert.x file system", "io.vertx.core.Vertx.vertx().fileSystem().createFileBlocking(\""
                        + PWNED + "\");"),
                consequence("commons-io", "org.apache.commons.io.FileUtils.touch(new java.io.File(\"" + PWNED
                        + "\"));"),
                consequence("Quarkus exit", "io.quarkus.runtime.Quarkus.asyncExit(7);"),
                constraint("environment through MVEL", "reason == System.getenv(\"PATH\")"),
                consequence("Locale.setDefault", "java.util.Locale.setDefault(java.util.Locale.CHINA);"),
                consequence("TimeZone.setDefault", "java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(\"UTC\"));"),
                constraint("System.setProperty through MVEL", "System.setProperty(\"user.timezone\", \"UTC\") != null"),
                consequence("a fact's class loader", "$r.getClass().getClassLoader();"),
                consequence("process builder", "new ProcessBuilder(\"touch\", \"" + PWNED + "\").start();"));
    }

    /**
     * Escapes that name no class at all: MVEL calls methods reflectively on what a fact gives it. The class-resolution
     * boundary cannot see them; the run-time guard of the check process refuses them (and the source scan names them).
     */
    static List<Probe> reflectiveEscapes() {
        return List.of(
                constraint("reflection chain through MVEL", "this.getClass().forName(\"java.lang.Runtime\")"
                        + ".getRuntime().exec(\"touch " + PWNED + "\") != null"),
                constraint("class loader through MVEL", "this.class.classLoader.loadClass(\"java.lang.System\")"
                        + ".getenv(\"PATH\") != null"));
    }

    /** Rule code that never ends or eats the heap: refused within the time and memory limits. */
    static List<Probe> runaways() {
        return List.of(
                consequence("endless loop", "while (true) { }"),
                consequence("endless stream", "java.util.stream.IntStream.iterate(0, i -> i + 1).anyMatch(i -> i < 0);"),
                consequence("wait forever", "synchronized ($r) { $r.wait(); }"),
                consequence("catastrophic backtracking", "\"x\".repeat(5000).matches(\"(x+x+)+y\");"),
                consequence("huge string", "String s = \"x\".repeat(Integer.MAX_VALUE - 8);"),
                consequence("huge array", "long[] a = new long[Integer.MAX_VALUE - 8];"));
    }

    static RulesFolder folder(Probe probe) {
        // a short deadline: every scenario of the folder that makes the hostile rule fire waits for it
        return RulesFolder.copy().replace("parameters.yaml", "evaluationTimeoutMillis: 10000", "evaluationTimeoutMillis: 300")
                .write("advice/evil.drl", probe.drl()).write("advice/evil.scenarios.yaml", """
                - name: makes the rule fire
                  given:
                    request: {orderNo: DY1, shopId: S1, reason: OUT_OF_STOCK, quantity: 8, listedStockAtOrder: 10,
                              warehouseStock: 5, buyerContacted: true}
                  expect: {}
                """);
    }

    private SandboxProbes() {
    }
}
