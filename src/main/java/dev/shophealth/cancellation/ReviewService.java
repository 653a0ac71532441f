package dev.shophealth.cancellation;

import dev.shophealth.common.ProblemException;
import dev.shophealth.order.ShopOrder;
import dev.shophealth.outcome.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Reviewers' decisions on the requests the rules sent to a person. */
@ApplicationScoped
public class ReviewService {

    @Inject
    CancellationViews views;

    @Inject
    dev.shophealth.security.Audit audit;

    @Inject
    EntityManager em;

    /** The authenticated reviewer decides a pending request. */
    @Transactional
    public CancellationResponse review(String id, ReviewRequest review, Locale locale, Instant now) {
        return review(id, review, audit.actor(), locale, now);
    }

    /**
     * A decision made by the service itself on a named reviewer's behalf (the sample loader's history); never
     * reachable from the API.
     */
    @Transactional
    public CancellationResponse reviewAs(String reviewer, String id, ReviewRequest review, Locale locale, Instant now) {
        return review(id, review, reviewer, locale, now);
    }

    private CancellationResponse review(String id, ReviewRequest review, String reviewer, Locale locale, Instant now) {
        Verdict verdict = reviewVerdict(review);
        try {
            return views.of(decide(id, verdict, review, reviewer, now), locale, now);
        } catch (PersistenceException e) {
            if (!Races.lost(e)) {
                throw e;
            }
            // a lock held past the database's timeout, or a constraint that refused a second approval or refund
            throw ProblemException.conflict("Request " + id + " or its order was changed by another request "
                    + "meanwhile; look at the request again");
        }
    }

    private Cancellation decide(String id, Verdict verdict, ReviewRequest review, String reviewer, Instant now) {
        OrderCancellation.lockWait(Cancellation.getEntityManager());
        Cancellation c = Cancellation.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("No cancellation request '" + id + "'");
        }
        if (c.status != CancellationStatus.PENDING_REVIEW) {
            throw ProblemException.conflict("Request " + id + " is " + c.status + "; only PENDING_REVIEW requests are reviewed");
        }
        c.status = verdict == Verdict.APPROVE ? CancellationStatus.APPROVED : CancellationStatus.REJECTED;
        c.decidedAt = now;
        c.decidedBy = "reviewer:" + reviewer;
        c.reviewNote = review.note() == null ? null : review.note().strip();
        if (verdict == Verdict.APPROVE) {
            // the request keeps its claim on the order: no other request can be approved for it
            ShopOrder order = OrderCancellation.lock(c.orderNo);
            OrderCancellation.checkCancellable(order, c.id);
            OrderCancellation.cancel(order, c, now);
        } else {
            c.claimedOrderNo = null;
        }
        audit.record("REVIEW_" + verdict.name(), c.id, c.orderNo + (c.reviewNote == null ? "" : ": " + c.reviewNote));
        em.flush();
        return c;
    }

    private static Verdict reviewVerdict(ReviewRequest review) {
        if (review == null || review.verdict() == null
                || !List.of("APPROVE", "REJECT").contains(review.verdict().strip())) {
            throw ProblemException.badRequest("verdict", "must be APPROVE or REJECT");
        }
        if (review.note() != null && review.note().length() > CancellationRequestValidator.MAX_DETAIL) {
            throw ProblemException.badRequest("note", "is longer than " + CancellationRequestValidator.MAX_DETAIL
                    + " characters");
        }
        return Verdict.valueOf(review.verdict().strip());
    }
}
