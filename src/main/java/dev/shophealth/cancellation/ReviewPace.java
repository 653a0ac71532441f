package dev.shophealth.cancellation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/**
 * When a pending request can expect its decision: the requests ahead of it in the reviewers' queue (oldest first),
 * itself included, divided by the reviewers' recent pace (people's decisions over the last {@link #PACE_WINDOW}).
 * At busy periods the queue grows faster than the pace, and the wait shown grows with it, as the guide warns.
 * The place in the queue is exact (for a request just queued, see {@link #ofJustQueued}); the pace, a count over a day
 * of decisions (no index narrows it to people's), is reused for {@link #REUSE} and forgotten when a reviewer of this
 * instance decides.
 */
@ApplicationScoped
public class ReviewPace {

    /** How far back the reviewers' pace is measured. */
    static final Duration PACE_WINDOW = Duration.ofHours(24);

    /** How long a counted pace is reused: over a 24-hour window it moves the expectation by seconds at most. */
    static final Duration REUSE = Duration.ofSeconds(10);

    private record Pace(Instant at, long decided) {
    }

    private final java.util.concurrent.atomic.AtomicReference<Pace> pace = new java.util.concurrent.atomic.AtomicReference<>();

    @Inject
    EntityManager em;

    @Inject
    ReviewQueueCount queue;

    /** A reviewer decided: the next expectation counts the pace afresh. */
    void forget() {
        pace.set(null);
    }

    private long decided(Instant now) {
        Pace known = pace.get();
        if (known != null && Duration.between(known.at(), now).abs().compareTo(REUSE) <= 0) {
            return known.decided();
        }
        long decided = em.createQuery("select count(c) from Cancellation c where c.decidedAt > ?1 and c.decidedAt <= ?2 "
                + "and c.decidedBy not like 'ruleset:%'", Long.class).setParameter(1, now.minus(PACE_WINDOW))
                .setParameter(2, now).getSingleResult();
        pace.set(new Pace(now, decided));
        return decided;
    }

    /** The expectation for {@code c}, or null when it is not waiting for a reviewer. */
    CancellationResponse.ExpectedDecision of(Cancellation c, Instant now) {
        if (c.status != CancellationStatus.PENDING_REVIEW) {
            return null;
        }
        return expect(em.createQuery("select count(c) from Cancellation c where c.status = ?1 and c.submittedAt <= ?2",
                Long.class).setParameter(1, CancellationStatus.PENDING_REVIEW).setParameter(2, c.submittedAt)
                .getSingleResult(), now);
    }

    /**
     * The expectation for {@code c}, just queued in this transaction (and counted in the queue's length): the last in
     * the queue, so its place is the queue's length, read from the kept count rather than by counting every pending
     * request. Only a request queued at the same moment and committed first makes them differ, by the few of those.
     */
    CancellationResponse.ExpectedDecision ofJustQueued(Cancellation c, Instant now) {
        return c.status != CancellationStatus.PENDING_REVIEW ? null : expect(queue.length(), now);
    }

    private CancellationResponse.ExpectedDecision expect(long ahead, Instant now) {
        long decided = decided(now);
        double perHour = decided / (double) PACE_WINDOW.toHours();
        // without a recent decision there is no pace to go by: the wait is unknown, not zero
        Instant expected = decided == 0 ? null
                : now.plusSeconds(Math.round(ahead / perHour * Duration.ofHours(1).toSeconds()));
        return new CancellationResponse.ExpectedDecision(ahead, Math.round(perHour * 100) / 100.0, expected);
    }
}
