package dev.shophealth.ruleset.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One child JVM of {@link IsolatedCheck}, used for one check: started with or without a warm-up it runs before it
 * waits, given the candidate on its standard input, waited for within the check's deadline, and read (its answer on
 * standard output, its log on standard error, in a temporary folder of its own that {@link #close()} deletes).
 */
final class CheckProcess {

    /** How the JVM exits with -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY_EXIT = 3;
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A child waiting longer than this is replaced rather than used (it also ends itself, see CheckMain). */
    static final Duration MAX_IDLE = Duration.ofMinutes(10);
    /**
     * How long a check waits for a child still warming up. Its warm-up is a cold child's compile (2–4 s on 2 busy
     * cores), so waiting for it is never slower than starting another child, which would also share the cores
     * with it; the check's deadline starts once the candidate is written, after the wait.
     */
    static final Duration MAX_WARM_UP_WAIT = Duration.ofSeconds(10);

    final IsolatedCheck.Limits limits;
    final Process process;
    final Path work;
    final Path out;
    final Path err;
    final long startedAt = System.nanoTime();
    /** Started with a warm-up: its output begins with {@link CheckMain#WARMED} once the warm-up is done. */
    final boolean warming;

    private CheckProcess(IsolatedCheck.Limits limits, Process process, Path work, Path out, Path err, boolean warming) {
        this.limits = limits;
        this.process = process;
        this.work = work;
        this.out = out;
        this.err = err;
        this.warming = warming;
    }

    /** Whether its warm-up is over, so that it waits for a candidate and nothing else runs in it. */
    boolean warmedUp() {
        try {
            return !warming || Files.size(out) >= CheckMain.WARMED.length();
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until its warm-up is over; false if it is not within {@code limit} or the child ended. */
    boolean awaitWarmUp(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (!warmedUp()) {
            if (!process.isAlive() || System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    static CheckProcess start(IsolatedCheck.Limits limits, boolean sourceScan, RulesetFiles warmUp) {
        Path work = null;
        try {
            work = Files.createTempDirectory("ruleset-check-");
            Path out = work.resolve("answer.json");
            Path err = work.resolve("child.log");
            Path sandbox = Files.createDirectory(work.resolve("cwd"));
            List<String> command = new ArrayList<>(command(limits));
            if (!sourceScan) {
                command.add("--without-source-scan");
            }
            if (warmUp != null) {
                command.add(CheckMain.WARM_UP);
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(sandbox.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().clear(); // no passwords, no database address: the child needs none
            CheckProcess worker = new CheckProcess(limits, builder.start(), work, out, err, warmUp != null);
            if (warmUp != null) {
                // the warm-up document goes first; the candidate follows when a check takes this child
                worker.process.getOutputStream().write(JSON.writeValueAsBytes(warmUp.files()));
                worker.process.getOutputStream().write('\n');
                worker.process.getOutputStream().flush();
            }
            return worker;
        } catch (IOException e) {
            delete(work);
            throw new UncheckedIOException("Cannot run the isolated ruleset check", e);
        }
    }

    CheckMain.Answer check(RulesetFiles files) {
        try {
            byte[] candidate = JSON.writeValueAsBytes(files.files());
            // written beside the wait, so the deadline runs from the start even while the child has not read it
            Thread writer = new Thread(() -> {
                try (var in = process.getOutputStream()) {
                    in.write(candidate);
                } catch (IOException e) {
                    // the child ended before it read the candidate: judged by its exit
                }
            }, "ruleset-check-input");
            writer.setDaemon(true);
            writer.start();
            if (!process.waitFor(limits.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                long ms = limits.timeout().toMillis();
                throw new CheckTimedOutException("the checks did not finish within " + (ms % 1000 == 0
                        ? ms / 1000 + " s" : ms + " ms") + " (a rule loops or waits); the candidate was stopped "
                        + "and nothing of it runs in the service");
            }
            String log = Files.readString(err, StandardCharsets.UTF_8);
            String answer = Files.readString(out, StandardCharsets.UTF_8);
            if (warming && answer.startsWith(CheckMain.WARMED)) {
                answer = answer.substring(CheckMain.WARMED.length());
            }
            if (process.exitValue() != 0 || answer.isBlank()) {
                throw rejected(process.exitValue() == OUT_OF_MEMORY_EXIT || log.contains("OutOfMemoryError")
                        ? "the checks ran out of memory (limit " + limits.maxHeapMegabytes() + " MB): a rule "
                                + "builds something huge; the candidate was stopped"
                        : "the checks ended abnormally (exit " + process.exitValue() + "): " + lastLine(log));
            }
            return JSON.readValue(answer, CheckMain.Answer.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run the isolated ruleset check", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw rejected("the check was interrupted");
        }
    }

    /** Stops the child if it still runs and deletes its folder. */
    void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        delete(work);
    }

    private static List<String> command(IsolatedCheck.Limits limits) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx" + limits.maxHeapMegabytes() + "m", "-Xss1m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Djava.security.manager=allow",
                "-Djava.io.tmpdir=.", "-cp", CheckClasspath.of(), CheckMain.class.getName());
    }

    private static RulesetRejectedException rejected(String why) {
        return new RulesetRejectedException(List.of(new RulesetProblem("rules", null, why)));
    }

    private static String lastLine(String log) {
        List<String> lines = new ArrayList<>(log.strip().lines().filter(l -> !l.isBlank()).toList());
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
