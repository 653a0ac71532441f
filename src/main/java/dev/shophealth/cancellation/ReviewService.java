package dev.shophealth.cancellation;

import dev.shophealth.common.ProblemException;
import dev.shophealth.order.ShopOrder;
import dev.shophealth.outcome.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
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

    @Transactional
    public CancellationResponse review(String id, ReviewRequest review, Locale locale, Instant now) {
        Verdict verdict = reviewVerdict(review);
        Cancellation c = Cancellation.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("No cancellation request '" + id + "'");
        }
        if (c.status != CancellationStatus.PENDING_REVIEW) {
            throw ProblemException.conflict("Request " + id + " is " + c.status + "; only PENDING_REVIEW requests are reviewed");
        }
        c.status = verdict == Verdict.APPROVE ? CancellationStatus.APPROVED : CancellationStatus.REJECTED;
        c.decidedAt = now;
        // the authenticated reviewer; the declared name only for what the service does itself (the sample loader)
        String actor = audit.actor();
        c.decidedBy = "reviewer:" + (actor.equals("system") && review.reviewer() != null ? review.reviewer() : actor);
        c.reviewNote = review.note() == null ? null : review.note().strip();
        c.openOrderNo = null;
        if (verdict == Verdict.APPROVE) {
            ShopOrder order = ShopOrder.findById(c.orderNo, LockModeType.PESSIMISTIC_WRITE);
            OrderCancellation.checkCancellable(order);
            OrderCancellation.cancel(order, c, now);
        }
        audit.record("REVIEW_" + verdict.name(), c.id, c.orderNo + (c.reviewNote == null ? "" : ": " + c.reviewNote));
        return views.of(c, locale, now);
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
