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

    /**
     * Started ahead of a check: standard input first carries a ruleset that passed its checks, compiled to load and
     * warm the engine's classes; then {@link #WARMED} is written, and its scenarios run until the candidate follows,
     * when a check takes this process. A candidate with the same DRL sources reuses the warm-up's rule base: the same
     * text compiles to the same rules.
     */
    static final String WARM_UP = "--warm-up";
    /** What a process started ahead writes first on standard output when its warm-up is over. */
    static final String WARMED = "warmed\n";
    /** A process started ahead that receives no candidate within this time ends itself. */
    static final long MAX_WAIT_MILLIS = java.util.concurrent.TimeUnit.MINUTES.toMillis(11);

    private CheckMain() {
    }

    public static void main(String[] args) throws IOException {
        boolean warmUp = List.of(args).contains(WARM_UP);
        java.util.concurrent.atomic.AtomicBoolean candidateRead = new java.util.concurrent.atomic.AtomicBoolean();
        if (warmUp) {
            // before the guard, which refuses threads: a process nobody takes does not outlive its purpose
            Thread idle = new Thread(() -> {
                try {
                    Thread.sleep(MAX_WAIT_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                if (!candidateRead.get()) {
                    Runtime.getRuntime().halt(0);
                }
            }, "idle-limit");
            idle.setDaemon(true);
            idle.start();
        }
        // this process runs candidates' rule code: the run-time guard is on here (the service does not install it:
        // its HTTP layer, Netty, fails under a security manager)
        RuleGuard.install();
        PrintStream answer = System.out;
        System.setOut(System.err); // whatever the engine prints must not mix with the answer
        ObjectMapper json = new ObjectMapper();
        // "--without-source-scan" is for the tests that show the boundaries beneath the scan hold on their own
        boolean scan = !List.of(args).contains("--without-source-scan");
        RulesetCompiler.Options options = new RulesetCompiler.Options(scan, null, List.of());
        com.fasterxml.jackson.databind.MappingIterator<Map<String, String>> documents = json
                .readerFor(new TypeReference<Map<String, String>>() { }).readValues(System.in);
        if (warmUp && documents.hasNextValue()) {
            CompiledRuleset warm = null;
            try {
                warm = RulesetCompiler.compileReusing(RulesetFiles.of(documents.nextValue()),
                        new RulesetCompiler.Options(scan, List.of(), List.of()));
            } catch (RuntimeException e) {
                // only a warm-up: the candidate is judged on its own below
            }
            answer.print(WARMED);
            answer.flush();
            if (warm != null) {
                // until a candidate comes, its scenarios run here as they did in the check it passed, in a process
                // like this one: the engine is warm for the candidate's. A candidate stops them at the next one.
                RulesetCompiler.warmUp(warm, () -> {
                    try {
                        return System.in.available() > 0;
                    } catch (IOException e) {
                        return true;
                    }
                });
            }
        }
        if (!documents.hasNextValue()) {
            Runtime.getRuntime().halt(0); // the parent went away without a candidate: nothing to answer
        }
        Map<String, String> files = documents.nextValue();
        candidateRead.set(true);
        Answer result;
        try {
            CompiledRuleset checked = RulesetCompiler.compileReusing(RulesetFiles.of(files), options);
            result = new Answer(List.of(), checked.scenarioResults(), checked.warnings());
        } catch (RulesetRejectedException e) {
            result = new Answer(e.problems(), List.of(), List.of());
        }
        json.writeValue(answer, result);
        answer.flush();
        Runtime.getRuntime().halt(0); // the engine's pool threads must not keep the process alive
    }
}
