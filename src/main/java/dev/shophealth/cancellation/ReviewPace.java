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
 */
@ApplicationScoped
public class ReviewPace {

    /** How far back the reviewers' pace is measured. */
    static final Duration PACE_WINDOW = Duration.ofHours(24);

    @Inject
    EntityManager em;

    /** The expectation for {@code c}, or null when it is not waiting for a reviewer. */
    CancellationResponse.ExpectedDecision of(Cancellation c, Instant now) {
        if (c.status != CancellationStatus.PENDING_REVIEW) {
            return null;
        }
        long ahead = em.createQuery("select count(c) from Cancellation c where c.status = ?1 and c.submittedAt <= ?2",
                Long.class).setParameter(1, CancellationStatus.PENDING_REVIEW).setParameter(2, c.submittedAt)
                .getSingleResult();
        long decided = em.createQuery("select count(c) from Cancellation c where c.decidedAt > ?1 and c.decidedAt <= ?2 "
                + "and c.decidedBy not like 'ruleset:%'", Long.class).setParameter(1, now.minus(PACE_WINDOW))
                .setParameter(2, now).getSingleResult();
        double perHour = decided / (double) PACE_WINDOW.toHours();
        // without a recent decision there is no pace to go by: the wait is unknown, not zero
        Instant expected = decided == 0 ? null
                : now.plusSeconds(Math.round(ahead / perHour * Duration.ofHours(1).toSeconds()));
        return new CancellationResponse.ExpectedDecision(ahead, Math.round(perHour * 100) / 100.0, expected);
    }
}
