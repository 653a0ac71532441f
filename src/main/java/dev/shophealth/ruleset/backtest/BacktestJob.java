package dev.shophealth.ruleset.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A running or finished backtest: its progress, its result, or why it stopped. */
public final class BacktestJob {

    /** Where a job stands. */
    public enum State {
        RUNNING, DONE, CANCELLED, FAILED
    }

    /** The job as polled. */
    public record View(String id, String candidateRevision, State state, double percentDone, Long etaSeconds,
            Instant startedAt, Instant finishedAt, String error, BacktestReport report) {
    }

    final String id;
    final String candidateRevision;
    final Instant startedAt = Instant.now();
    final AtomicBoolean cancelled = new AtomicBoolean();
    final AtomicLong done = new AtomicLong();
    volatile long total = 1;
    volatile State state = State.RUNNING;
    volatile Instant finishedAt;
    volatile String error;
    volatile BacktestReport report;

    BacktestJob(String id, String candidateRevision) {
        this.id = id;
        this.candidateRevision = candidateRevision;
    }

    View view() {
        long d = done.get();
        double percent = state == State.DONE ? 100 : Math.min(99.9, Math.round(1000.0 * d / Math.max(1, total)) / 10.0);
        Long eta = null;
        if (state == State.RUNNING && d > 0) {
            long elapsed = Duration.between(startedAt, Instant.now()).toMillis();
            eta = Math.max(0, elapsed * (total - d) / d / 1000);
        }
        return new View(id, candidateRevision, state, percent, eta, startedAt, finishedAt, error, report);
    }
}
