package dev.shophealth.cancellation;

import dev.shophealth.outcome.FiredRule;
import dev.shophealth.outcome.Verdict;
import dev.shophealth.decision.EvaluationReport.FindingView;
import dev.shophealth.decision.EvaluationReport.SuggestionView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A cancellation request with its screening by the rules and, once decided, who decided and when.
 * {@code waitingSeconds} is how long it has waited (pending) or waited until decided.
 */
public record CancellationResponse(String id, String orderNo, String shopId, CancellationReason reason,
        String detail, CancellationStatus status, Instant submittedAt, Instant decidedAt, String decidedBy,
        String reviewNote, long waitingSeconds, Screening screening, BuyerContactView buyerContact,
        RefundView refund, ExpectedDecision expectedDecision, Claim claim) {

    /** The reviewer working on a pending request and until when their claim holds; null when nobody is. */
    public record Claim(String reviewer, Instant until) {
    }

    /**
     * When a pending request's decision is expected: {@code queueAhead} pending requests up to and including this one,
     * the reviewers' {@code reviewsPerHour} over the last 24 hours, and {@code expectedAt} = now + queue / pace (null
     * when no reviewer decided anything in 24 hours: no pace to go by). Null once decided.
     */
    public record ExpectedDecision(long queueAhead, double reviewsPerHour, Instant expectedAt) {
    }

    /**
     * The rules' screening: the decision-log id, the ruleset revision, the verdict and why. For a request sent to a
     * person, {@code suggestedVerdict} is what the screening leans to ({@link ReviewService#suggestion}); a reviewer
     * who decides otherwise must say why in a note.
     */
    public record Screening(String decisionId, String rulesetRevision, Verdict verdict, List<FindingView> findings,
            List<SuggestionView> suggestions, List<FiredRule> firedRules, List<FiredRule> consideredNotFired,
            String error, Verdict suggestedVerdict) {
    }

    /** The merchant's contact with the buyer. */
    public record BuyerContactView(String channel, Instant contactedAt, String summary, String compensationType,
            BigDecimal compensationAmount) {
    }

    /** The refund of an approved request. */
    public record RefundView(BigDecimal amount, String currency, String destination, Instant refundedAt) {
    }
}
