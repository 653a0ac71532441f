package dev.shophealth.ruleset.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A wall-clock limit for rule firing. Drools bounds firings, not time: one endless consequence never returns. A
 * single daemon thread looks at the evaluations in flight every few milliseconds and stops a thread that is still
 * firing past its deadline (interrupt for waits, {@code Thread.stop} for loops); the evaluation then ends with an
 * error outcome. A thread is only ever stopped inside {@link #run}: the handshake on {@code state} makes sure an
 * evaluation that finished in time is never hit afterwards.
 */
final class EvaluationDeadline {

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int STOPPING = 2;
    private static final long TICK_MILLIS = 5;
    private static final Map<Thread, Flight> IN_FLIGHT = new ConcurrentHashMap<>();

    static {
        Thread watchdog = new Thread(EvaluationDeadline::watch, "rule-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private record Flight(long deadlineNanos, AtomicInteger state) {
    }

    /** Thrown by {@link #run} when the deadline passed; the work was stopped. */
    static final class Exceeded extends RuntimeException {
        Exceeded(long millis) {
            super("did not finish within " + millis + " ms (parameter evaluationTimeoutMillis)", null, false, false);
        }
    }

    private EvaluationDeadline() {
    }

    static <T> T run(long millis, Supplier<T> work) {
        Thread self = Thread.currentThread();
        Flight flight = new Flight(System.nanoTime() + millis * 1_000_000, new AtomicInteger(RUNNING));
        if (IN_FLIGHT.putIfAbsent(self, flight) != null) {
            return work.get(); // nested: the outer evaluation's deadline holds
        }
        T result = null;
        Throwable failure = null;
        boolean stopArrived = false;
        try {
            try {
                result = work.get();
            } catch (Throwable t) {
                failure = t;
                stopArrived = causedByStop(t);
            }
            if (!flight.state.compareAndSet(RUNNING, DONE) && !stopArrived) {
                awaitStop();
                stopArrived = true;
            }
        } catch (ThreadDeath late) {
            stopArrived = true; // the watchdog's stop landed between the lines above
        } finally {
            IN_FLIGHT.remove(self);
        }
        if (flight.state.get() == STOPPING) {
            Thread.interrupted(); // the stop also interrupted; the caller's thread goes on clean
            throw new Exceeded(millis);
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return result;
    }

    private static boolean causedByStop(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ThreadDeath) {
                return true;
            }
        }
        return false;
    }

    /** The watchdog chose to stop this thread just as the work ended: wait (at most a second) for the stop. */
    private static void awaitStop() {
        long until = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() - until < 0) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                // the stop interrupts first; its ThreadDeath follows
            }
        }
    }

    @SuppressWarnings({"removal", "deprecation"})
    private static void watch() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
                long now = System.nanoTime();
                IN_FLIGHT.forEach((thread, flight) -> {
                    if (now - flight.deadlineNanos > 0 && inRuleCode(thread)
                            && flight.state.compareAndSet(RUNNING, STOPPING)) {
                        thread.stop();
                    }
                });
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // keep watching: a failed stop must not end the watchdog
            }
        }
    }

    /**
     * True when the thread is executing code compiled from a rule file (or the JDK on its behalf): stopping it there
     * unwinds only the evaluation's own state. Inside the engine (which builds node memories shared by every session
     * of a ruleset) a stop could leave shared state half made, so an overdue thread is stopped only once it is back
     * in rule code; until then it is merely late.
     */
    static boolean inRuleCode(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            return !ENGINE_PACKAGES.stream().anyMatch(type::startsWith);
        }
        return false;
    }

    private static final java.util.List<String> ENGINE_PACKAGES = java.util.List.of("org.drools.", "org.kie.",
            "org.mvel2.", "dev.shophealth.", "io.quarkus.", "io.vertx.", "io.netty.", "org.jboss.", "io.smallrye.",
            "org.hibernate.", "org.h2.", "org.postgresql.", "com.fasterxml.");
}
