package dev.shophealth.ruleset.engine;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rules test <folder>}: the analysts' check without a server, like {@code opa test}. It compiles a rules
 * folder and runs its scenarios exactly as a reload does — in the sandboxed check process, with the same source
 * scan, parameter checks, message checks and scenarios — and prints every problem as {@code path:line: message}
 * (paths as given, so editors and terminals link them) and a pass/fail summary. Exit status 0 when the folder would
 * load, 1 when it would be rejected, 2 on a usage error.
 */
public final class RulesCli {

    static final String USAGE = """
            usage: rules test <rules-folder> [--verbose] [--timeout <seconds>]
              Compiles the folder and runs its scenarios with the checks a reload applies.
              --verbose   list every scenario, not only the failing ones
              --timeout   seconds the check may take (default 30)
            exit status: 0 passed, 1 rejected, 2 usage error""";

    private RulesCli() {
    }

    /** Runs {@code args} (after the word {@code rules}) and returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !args.get(0).equals("test") || args.size() < 2) {
            err.println(USAGE);
            return 2;
        }
        Path dir = Path.of(args.get(1));
        boolean verbose = args.contains("--verbose");
        Duration timeout = IsolatedCheck.Limits.DEFAULT.timeout();
        int at = args.indexOf("--timeout");
        if (at > 0) {
            try {
                timeout = Duration.ofSeconds(Long.parseLong(args.get(at + 1)));
            } catch (RuntimeException e) {
                err.println("--timeout needs a number of seconds\n" + USAGE);
                return 2;
            }
        }
        if (!Files.isDirectory(dir)) {
            err.println("no such folder: " + dir + "\n" + USAGE);
            return 2;
        }
        RulesetFiles files;
        try {
            files = RulesetFiles.read(dir);
        } catch (UncheckedIOException e) {
            err.println(e.getMessage());
            return 2;
        }
        long drl = files.drlFiles().count();
        try {
            CompiledRuleset checked = IsolatedCheck.compile(files,
                    new IsolatedCheck.Limits(timeout, IsolatedCheck.Limits.DEFAULT.maxHeapMegabytes()));
            for (RulesetProblem w : checked.warnings()) {
                out.println(where(dir, w) + ": warning: " + w.message());
            }
            Map<String, int[]> byFile = new TreeMap<>();
            for (ScenarioRunner.Result r : checked.scenarioResults()) {
                byFile.computeIfAbsent(r.file(), f -> new int[1])[0]++;
                if (verbose) {
                    out.println("  ok    " + dir.resolve(r.file()) + "  " + r.scenario());
                }
            }
            byFile.forEach((file, n) -> out.println("ok    " + dir.resolve(file) + "  (" + n[0] + " scenarios)"));
            out.printf("PASS  %d rules in %d DRL files, %d scenarios passed, %d warnings — revision %s%n",
                    checked.rules().size(), drl, checked.scenarioResults().size(), checked.warnings().size(),
                    checked.revision());
            return 0;
        } catch (RulesetRejectedException e) {
            for (RulesetProblem p : e.problems()) {
                out.println(where(dir, p) + ": " + p.message());
            }
            out.printf("FAIL  %d problems in %d files — the folder would be rejected; nothing else was judged "
                    + "once a check failed%n", e.problems().size(),
                    e.problems().stream().map(RulesetProblem::file).distinct().count());
            return 1;
        }
    }

    private static String where(Path dir, RulesetProblem p) {
        String file = p.file() == null ? dir.toString() : dir.resolve(p.file()).toString();
        return file + (p.line() == null ? "" : ":" + p.line());
    }
}
