package dev.shophealth.ruleset.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link IsolatedCheck}: reads a candidate's files as JSON on standard input, compiles it and
 * runs its scenarios (the rule code) under the sandbox, and writes the verdict as JSON on standard output. It sees
 * no database, no configuration and no environment; its parent limits its heap and its time.
 */
public final class CheckMain {

    /** What the child answers: problems (rejected) or the scenario results and warnings (passed). */
    record Answer(List<RulesetProblem> problems, List<ScenarioRunner.Result> scenarios,
            List<RulesetProblem> warnings) {
    }

    private CheckMain() {
    }

    public static void main(String[] args) throws IOException {
        // this process runs candidates' rule code: the run-time guard is on here (the service does not install it:
        // its HTTP layer, Netty, fails under a security manager)
        RuleGuard.install();
        PrintStream answer = System.out;
        System.setOut(System.err); // whatever the engine prints must not mix with the answer
        ObjectMapper json = new ObjectMapper();
        Map<String, String> files = json.readValue(System.in, new TypeReference<Map<String, String>>() { });
        Answer result;
        try {
            // "--without-source-scan" is for the tests that show the boundaries beneath the scan hold on their own
            boolean scan = !List.of(args).contains("--without-source-scan");
            CompiledRuleset checked = RulesetCompiler.compile(RulesetFiles.of(files),
                    new RulesetCompiler.Options(scan, null, List.of()));
            result = new Answer(List.of(), checked.scenarioResults(), checked.warnings());
        } catch (RulesetRejectedException e) {
            result = new Answer(e.problems(), List.of(), List.of());
        }
        json.writeValue(answer, result);
        answer.flush();
        Runtime.getRuntime().halt(0); // the engine's pool threads must not keep the process alive
    }
}
