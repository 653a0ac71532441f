package dev.shophealth.ruleset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule files that try to escape: each is a distinct attempt to reach the process, the file system, the network,
 * threads, reflection or the engine. Every one is rejected before anything compiles, naming file, line and construct.
 */
public class HostileRulesTest {

    static final String HEADER = """
            package shophealth.advice;
            import dev.shophealth.fact.CancellationRequestFact;
            global dev.shophealth.outcome.Outcomes outcomes;
            """;

    /** A rule whose consequence is {@code body}; the hostile line is line 8 of the file. */
    public static String rule(String body) {
        return HEADER + """
                rule "ADV-EVIL-01 Harmless looking"
                when
                    CancellationRequestFact()
                then
                """ + "    " + body + "\n" + "end\n";
    }

    static Stream<Arguments> attempts() {
        return Stream.of(
                Arguments.of("exit the process", rule("System.exit(0);"), 8, "System"),
                Arguments.of("run a command", rule("Runtime.getRuntime().exec(\"rm -rf /\");"), 8, "Runtime"),
                Arguments.of("start a process", rule("new ProcessBuilder(\"sh\", \"-c\", \"id\").start();"), 8,
                        "ProcessBuilder"),
                Arguments.of("read a file", rule("java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));"),
                        8, "java.nio"),
                Arguments.of("open a socket", rule("new java.net.Socket(\"evil.example\", 80);"), 8, "java.net"),
                Arguments.of("reflection by name", rule("Class.forName(\"java.lang.Runtime\");"), 8, "Class"),
                Arguments.of("class loader of a fact", rule("\"x\".getClass().getClassLoader();"), 8, "getClass"),
                Arguments.of("start a thread", rule("new Thread(() -> {}).start();"), 8, "Thread"),
                Arguments.of("a thread pool", rule("java.util.concurrent.Executors.newSingleThreadExecutor();"), 8,
                        "java.util.concurrent"),
                Arguments.of("method handles", rule("java.lang.invoke.MethodHandles.lookup();"), 8, "MethodHandles"),
                Arguments.of("an endless loop", rule("while (true) { }"), 8, "while"),
                Arguments.of("the engine behind drools", rule("drools.getKieRuntime().halt();"), 8, "drools."),
                Arguments.of("a class literal", rule("Object o = String.class;"), 8, ".class"),
                Arguments.of("a unicode escape hiding a call", rule("\\u0053ystem.exit(0);"), 8, "unicode escape"),
                Arguments.of("a DRL function", HEADER + """
                        function void helper() {
                            java.lang.System.out.println("hi");
                        }
                        """, 4, "function"),
                Arguments.of("a forbidden import", HEADER.replace("import dev.shophealth.fact.CancellationRequestFact;",
                        "import dev.shophealth.fact.CancellationRequestFact;\nimport java.io.File;"), 3, "java.io"),
                Arguments.of("another dialect", HEADER + "dialect \"mvel\"\n", 4, "dialect"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void isRejectedBeforeAnythingCompiles(String attempt, String drl, int line, String construct) {
        RulesFolder rules = RulesFolder.copy().write("advice/evil.drl", drl).write("advice/evil.scenarios.yaml", """
                - name: never runs
                  given: {}
                  expect: {}
                """);
        List<RulesetProblem> problems = assertThrows(RulesetRejectedException.class,
                () -> RulesetCompiler.compile(rules.files())).problems();
        RulesetProblem p = problems.stream().filter(x -> x.file().equals("advice/evil.drl")).findFirst()
                .orElseThrow(() -> new AssertionError(attempt + ": no problem in the file: " + problems));
        assertEquals(line, p.line(), attempt + ": " + p);
        assertTrue(p.message().startsWith("not allowed in rule files"), p.message());
        assertTrue(problems.stream().anyMatch(x -> x.message().contains(construct)), attempt + ": " + problems);
    }
}
