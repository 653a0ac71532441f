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
    ShopDayCounts counts;

    @Inject
    ReviewPace pace;

    @Inject
    dev.shophealth.security.Audit audit;

    @Inject
    EntityManager em;

    @Inject
    dev.shophealth.decisionlog.DecisionLog log;

    @Inject
    dev.shophealth.common.ShopHealthConfig config;

    /**
     * What the screening of a request sent to a person leans to: APPROVE when a rule found the merchant's reason
     * backed by the platform's evidence (an APPROVE vote) and another rule asked for a person (a critical rate, no
     * buyer contact, a contradicted stock count…); none when nothing backs the reason — the reviewer judges
     * unguided. (A REJECT vote never reaches a person: it is the strictest verdict and decides.)
     */
    public static Verdict suggestion(List<dev.shophealth.outcome.VerdictVote> votes) {
        return votes.stream().anyMatch(v -> v.verdict() == Verdict.APPROVE) ? Verdict.APPROVE : null;
    }

    /**
     * The authenticated reviewer claims a pending request for {@code shophealth.review.claim}: meanwhile another
     * reviewer can neither claim nor decide it (409 naming who holds it). Claiming again extends one's own claim.
     */
    @Transactional
    public CancellationResponse claim(String id, Locale locale, Instant now) {
        String reviewer = audit.actor();
        Cancellation c = pending(id, reviewer, now, "claimed");
        c.claimedBy = reviewer;
        c.claimedUntil = now.plus(config.review().claim());
        audit.record("REVIEW_CLAIMED", c.id, c.orderNo + " until " + c.claimedUntil);
        em.flush();
        return views.of(c, locale, now);
    }

    /** The authenticated reviewer gives a claim up (a request nobody holds may be released too: nothing changes). */
    @Transactional
    public CancellationResponse release(String id, Locale locale, Instant now) {
        String reviewer = audit.actor();
        Cancellation c = pending(id, reviewer, now, "claimed");
        if (c.claimedBy != null) {
            c.claimedBy = null;
            c.claimedUntil = null;
            audit.record("REVIEW_RELEASED", c.id, c.orderNo);
        }
        em.flush();
        return views.of(c, locale, now);
    }

    /** A pending request, locked, that no other reviewer holds a claim on; {@code action} names the refusal. */
    private Cancellation pending(String id, String reviewer, Instant now, String action) {
        Cancellation c = Cancellation.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("No cancellation request '" + id + "'");
        }
        if (c.status != CancellationStatus.PENDING_REVIEW) {
            throw ProblemException.conflict("Request " + id + " is " + c.status + " (decided by " + c.decidedBy
                    + "); only PENDING_REVIEW requests are " + action);
        }
        requireNoOtherClaim(c, reviewer, now);
        return c;
    }

    private static void requireNoOtherClaim(Cancellation c, String reviewer, Instant now) {
        String holder = c.claimHolder(now);
        if (holder != null && !holder.equals(reviewer)) {
            throw ProblemException.conflict("Request " + c.id + " is claimed by " + holder + " until " + c.claimedUntil
                    + "; it is theirs to decide until then");
        }
    }

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
        Cancellation c = pending(id, reviewer, now, "reviewed");
        Verdict suggested = suggestion(log.output(c.decisionId).votes());
        if (suggested != null && suggested != verdict && (review.note() == null || review.note().isBlank())) {
            throw ProblemException.badRequest("note", "is required to overrule the screening, which suggests "
                    + suggested + ": say why");
        }
        String counted = counts.metricOf(c);
        c.claimedBy = null;
        c.claimedUntil = null;
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
        counts.decided(c, counted);
        audit.record("REVIEW_" + verdict.name(), c.id, c.orderNo + (c.reviewNote == null ? "" : ": " + c.reviewNote));
        em.flush();
        pace.forget();
        return c;
    }

    private static Verdict reviewVerdict(ReviewRequest review) {
        if (review == null || review.verdict() == null
                || !List.of("APPROVE", "REJECT").contains(review.verdict().strip())) {
            throw ProblemException.badRequest("verdict", "must be APPROVE or REJECT");
        }
        if (review.note() != null && review.note().length() > CancellationRequest.MAX_TEXT) {
            throw ProblemException.badRequest("note", "is longer than " + CancellationRequest.MAX_TEXT
                    + " characters");
        }
        return Verdict.valueOf(review.verdict().strip());
    }
}
