package dev.shophealth.ruleset.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backtest: its states and its view, and the progress of one running on this instance (the database row,
 * {@link StoredBacktest}, is what every instance reads).
 */
public final class BacktestJob {

    /** Where a job stands. INTERRUPTED: the instance running it stopped before it finished. */
    public enum State {
        RUNNING, DONE, CANCELLED, FAILED, INTERRUPTED
    }

    /**
     * The job as polled. {@code verdictsChanged} and {@code levelsChanged} are the headline numbers of a finished
     * job (screenings whose verdict the candidate changes, shop-dates whose risk level it changes).
     */
    public record View(String id, String candidateRevision, String activeRevision, Instant from, Instant to,
            State state, double percentDone, Long etaSeconds, String startedBy, Instant startedAt,
            Instant finishedAt, String error, Integer verdictsChanged, Integer levelsChanged, BacktestReport report) {
    }

    final String id;
    final AtomicBoolean cancelled = new AtomicBoolean();
    final AtomicLong done = new AtomicLong();
    volatile long total = 1;
    /** Called after each unit of work; the service writes progress from it (at most once a second). */
    private final Runnable progress;

    BacktestJob(String id, Runnable progress) {
        this.id = id;
        this.progress = progress;
    }

    /** One unit of work done. */
    void step() {
        done.incrementAndGet();
        progress.run();
    }

    static View view(StoredBacktest s, BacktestReport report) {
        double percent = s.state == State.DONE ? 100
                : Math.min(99.9, Math.round(1000.0 * s.done / Math.max(1, s.total)) / 10.0);
        Long eta = null;
        if (s.state == State.RUNNING && s.done > 0) {
            long elapsed = Duration.between(s.startedAt, Instant.now()).toMillis();
            eta = Math.max(0, elapsed * (s.total - s.done) / s.done / 1000);
        }
        return new View(s.id, s.candidateRevision, s.activeRevision, s.periodFrom, s.periodTo, s.state, percent, eta,
                s.startedBy, s.startedAt, s.finishedAt, s.error, s.verdictsChanged, s.levelsChanged, report);
    }
}
