package dev.shophealth.ruleset.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Checks a candidate ruleset in a short-lived child JVM before the service builds it: compile, sandbox, every
 * scenario. The child has a heap limit, a deadline, an empty environment and an empty working folder, so a hostile or
 * runaway candidate (an endless loop, a wait, a memory bomb, an escape the in-process boundaries missed) is refused
 * with a 422 and never runs in the serving process. Only a candidate that passed is then compiled here, and no rule
 * code runs here while it is (its scenario results come from the child).
 */
public final class IsolatedCheck {

    /** Limits of the child process. */
    public record Limits(Duration timeout, int maxHeapMegabytes) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(30), 256);
    }

    /** How the JVM exits with -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY_EXIT = 3;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IsolatedCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private IsolatedCheck() {
    }

    /** The checked ruleset, built here; or {@link RulesetRejectedException} with the child's problems. */
    public static CompiledRuleset compile(RulesetFiles files, Limits limits) {
        long start = System.nanoTime();
        CheckMain.Answer answer = runChild(files, limits);
        if (!answer.problems().isEmpty()) {
            throw new RulesetRejectedException(answer.problems());
        }
        long checked = System.nanoTime();
        CompiledRuleset built = RulesetCompiler.buildChecked(files, answer.scenarios(), answer.warnings());
        LOG.debugf("Ruleset %s: checked in a child process in %d ms, then built here in %d ms", built.revision(),
                TimeUnit.NANOSECONDS.toMillis(checked - start), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - checked));
        return built;
    }

    static CheckMain.Answer runChild(RulesetFiles files, Limits limits) {
        return runChild(files, limits, true);
    }

    static CheckMain.Answer runChild(RulesetFiles files, Limits limits, boolean sourceScan) {
        Worker worker = sourceScan ? takeReady(limits) : null;
        if (worker == null) {
            worker = Worker.start(limits, sourceScan, null);
        }
        try {
            CheckMain.Answer answer = worker.check(files);
            if (sourceScan && answer.problems().isEmpty()) {
                // the next check finds a child started, its classes loaded and warmed by compiling these files
                prestart(limits, files);
            }
            return answer;
        } finally {
            worker.close();
        }
    }

    /** Whether a child is started ahead for the next check (the service turns it on; the command line does not). */
    private static volatile boolean prestart;
    /** The child started ahead, or null. */
    private static final java.util.concurrent.atomic.AtomicReference<Worker> READY =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** How many checks were served by a child started ahead (for the tests and the benchmark's explanation). */
    private static final java.util.concurrent.atomic.AtomicLong PRESTARTED_USED = new java.util.concurrent.atomic.AtomicLong();
    /** How many children were started ahead. */
    private static final java.util.concurrent.atomic.AtomicLong PRESTARTS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Keeps one child started ahead: after each check that passed, a new child starts in the background and checks
     * that candidate's files once more, scenarios included (its own warm-up, results discarded: the rule code that
     * runs there is what the check that passed ran in a child just like it), then says so and waits for the next
     * candidate on its standard input. A check that finds it still warming waits for it (see
     * {@link Worker#MAX_WARM_UP_WAIT}); its deadline starts after the wait, so it never covers a warm-up. The child
     * compiles a candidate with the same DRL sources (a change of parameters or texts) by reusing its warm-up's rule
     * base, and runs the scenarios on a warmed engine. It is used once, like any child; a candidate that was refused
     * never warms a child. Off when {@code enabled} is false, and any waiting child is stopped.
     */
    public static void prestart(boolean enabled) {
        prestart = enabled;
        if (!enabled) {
            Worker idle = READY.getAndSet(null);
            if (idle != null) {
                idle.close();
            }
        }
    }

    static long prestartedUsed() {
        return PRESTARTED_USED.get();
    }

    static long prestarts() {
        return PRESTARTS.get();
    }

    /** Whether a child was started ahead, warming up or ready. */
    static boolean hasChildStarted() {
        return READY.get() != null;
    }

    /** Whether a child started ahead is ready and done warming up. */
    static boolean hasChildStartedAhead() {
        Worker ready = READY.get();
        return ready != null && ready.warmedUp();
    }

    private static void prestart(Limits limits, RulesetFiles warmUp) {
        if (!prestart || READY.get() != null) {
            return;
        }
        PRESTARTS.incrementAndGet();
        Thread starter = new Thread(() -> {
            try {
                Worker next = Worker.start(limits, true, warmUp);
                if (!prestart || !READY.compareAndSet(null, next)) {
                    next.close();
                } else if (!prestart && READY.compareAndSet(next, null)) {
                    next.close(); // turned off (the service stopping) while this one started
                }
            } catch (RuntimeException e) {
                // the next check starts its own child, as without this
            }
        }, "ruleset-check-prestart");
        starter.setDaemon(true);
        starter.start();
    }

    private static Worker takeReady(Limits limits) {
        Worker ready = READY.getAndSet(null);
        if (ready == null) {
            return null;
        }
        if (!ready.limits.equals(limits) || !ready.process.isAlive() || ready.age().compareTo(Worker.MAX_IDLE) > 0) {
            ready.close();
            return null;
        }
        if (!ready.awaitWarmUp(Worker.MAX_WARM_UP_WAIT)) {
            // a warm-up that takes this long is stuck: this check starts its own child, as without one started ahead
            ready.close();
            return null;
        }
        PRESTARTED_USED.incrementAndGet();
        return ready;
    }

    /** One child process, used for one check; started with or without a warm-up it runs before it waits. */
    private static final class Worker {

        /** A child waiting longer than this is replaced rather than used (it also ends itself, see CheckMain). */
        static final Duration MAX_IDLE = Duration.ofMinutes(10);
        /**
         * How long a check waits for a child still warming up. A warm-up is a cold child's check (3–5 s on 2 busy
         * cores), so waiting for it is never slower than starting another child, which would also share the cores
         * with it; the check's deadline starts once the candidate is written, after the wait.
         */
        static final Duration MAX_WARM_UP_WAIT = Duration.ofSeconds(10);

        final Limits limits;
        final Process process;
        final Path work;
        final Path out;
        final Path err;
        final long startedAt = System.nanoTime();
        /** Started with a warm-up: its output begins with {@link CheckMain#WARMED} once the warm-up is done. */
        final boolean warming;

        private Worker(Limits limits, Process process, Path work, Path out, Path err, boolean warming) {
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

        static Worker start(Limits limits, boolean sourceScan, RulesetFiles warmUp) {
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
                Worker worker = new Worker(limits, builder.start(), work, out, err, warmUp != null);
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
    }

    private static List<String> command(Limits limits) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx" + limits.maxHeapMegabytes() + "m", "-Xss1m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Djava.security.manager=allow",
                "-Djava.io.tmpdir=.", "-cp", classpath(), CheckMain.class.getName());
    }

    /**
     * The class path of the service: in the packaged app, its {@code quarkus-app} folder's jars (the launcher jar
     * names only the boot ones); in tests and dev mode, the JVM's class path plus the folder of this class.
     */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        Path self = codeSource();
        Path app = self.getParent();
        if (self.toString().endsWith(".jar") && app != null && app.getFileName().toString().equals("app")) {
            Path root = app.getParent();
            for (String dir : List.of("app", "lib/boot", "lib/main")) {
                try (Stream<Path> jars = Files.list(root.resolve(dir))) {
                    jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(j -> entries.add(j.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        } else {
            entries.add(self.toString());
            entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
            // in dev mode the JVM's class path names only the launcher: the application's jars are known to its
            // class loader, which lists them as the jars holding a manifest
            entries.addAll(jarsOf(CheckMain.class.getClassLoader()));
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The jar files a class loader reads, found as those holding {@code META-INF/MANIFEST.MF}. */
    static List<String> jarsOf(ClassLoader loader) {
        List<String> jars = new java.util.ArrayList<>();
        try {
            var manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                java.net.URL url = manifests.nextElement();
                if (url.getProtocol().equals("jar")) {
                    String file = url.getPath();
                    int bang = file.indexOf("!/");
                    if (file.startsWith("file:") && bang > 0) {
                        jars.add(Path.of(java.net.URI.create(file.substring(0, bang))).toString());
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("The class path for the check process cannot be listed", e);
        }
        return jars;
    }

    private static Path codeSource() {
        try {
            return Path.of(CheckMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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
