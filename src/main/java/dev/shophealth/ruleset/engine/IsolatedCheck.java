package dev.shophealth.ruleset.engine;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IsolatedCheck.class);

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
                TimeUnit.NANOSECONDS.toMillis(checked - start),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - checked));
        return built;
    }

    static CheckMain.Answer runChild(RulesetFiles files, Limits limits) {
        return runChild(files, limits, true);
    }

    static CheckMain.Answer runChild(RulesetFiles files, Limits limits, boolean sourceScan) {
        CheckProcess child = sourceScan ? takeReady(limits) : null;
        if (child == null) {
            child = CheckProcess.start(limits, sourceScan, null);
        }
        try {
            CheckMain.Answer answer = child.check(files);
            if (sourceScan && answer.problems().isEmpty()) {
                // the next check finds a child started, its classes loaded and warmed by checking these files
                prestart(limits, files);
            }
            return answer;
        } finally {
            child.close();
        }
    }

    /** Whether a child is started ahead for the next check (the service turns it on; the command line does not). */
    private static volatile boolean prestart;
    /** The child started ahead, or null. */
    private static final AtomicReference<CheckProcess> READY = new AtomicReference<>();
    /** How many checks were served by a child started ahead (for the tests and the benchmark's explanation). */
    private static final AtomicLong PRESTARTED_USED = new AtomicLong();
    /** How many children were started ahead. */
    private static final AtomicLong PRESTARTS = new AtomicLong();

    /**
     * Keeps one child started ahead: after each check that passed, a new child starts in the background and compiles
     * that candidate's files (its own warm-up), then says so, and runs that candidate's scenarios until the next
     * candidate comes on its standard input (results discarded: the rule code that runs there is what the check that
     * passed ran in a child just like it). A check that finds it still warming waits for it (see
     * {@link CheckProcess#MAX_WARM_UP_WAIT}); its deadline starts after the wait, so it never covers a warm-up. The
     * child compiles a candidate with the same DRL sources (a change of parameters or texts) by reusing its warm-up's
     * rule base, and runs the scenarios on a warmed engine. It is used once, like any child; a candidate that was refused
     * never warms a child. Off when {@code enabled} is false, and any waiting child is stopped.
     */
    public static void prestart(boolean enabled) {
        prestart = enabled;
        if (!enabled) {
            CheckProcess idle = READY.getAndSet(null);
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
        CheckProcess ready = READY.get();
        return ready != null && ready.warmedUp();
    }

    private static void prestart(Limits limits, RulesetFiles warmUp) {
        if (!prestart || READY.get() != null) {
            return;
        }
        PRESTARTS.incrementAndGet();
        Thread starter = new Thread(() -> {
            try {
                CheckProcess next = CheckProcess.start(limits, true, warmUp);
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

    private static CheckProcess takeReady(Limits limits) {
        CheckProcess ready = READY.getAndSet(null);
        if (ready == null) {
            return null;
        }
        if (!ready.limits.equals(limits) || !ready.process.isAlive()
                || ready.age().compareTo(CheckProcess.MAX_IDLE) > 0) {
            ready.close();
            return null;
        }
        if (!ready.awaitWarmUp(CheckProcess.MAX_WARM_UP_WAIT)) {
            // a warm-up that takes this long is stuck: this check starts its own child, as without one started ahead
            ready.close();
            return null;
        }
        PRESTARTED_USED.incrementAndGet();
        return ready;
    }
}
