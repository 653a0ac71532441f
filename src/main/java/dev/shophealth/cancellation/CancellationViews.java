package dev.shophealth.cancellation;

import dev.shophealth.decision.Decisions;
import dev.shophealth.decisionlog.DecisionLog;
import dev.shophealth.decision.EvaluationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Renders stored requests for the API, with the screening's texts in the caller's language. */
@ApplicationScoped
public class CancellationViews {

    @Inject
    DecisionLog log;

    @Inject
    Decisions decisions;

    @Inject
    ReviewPace pace;

    /** A stored request, its screening rendered with the texts of the ruleset that screened it. */
    CancellationResponse of(Cancellation c, Locale locale, Instant now) {
        return of(c, decisions.render(log.output(c.decisionId), locale), locale, now);
    }

    /**
     * Stored requests as one page: their decisions, contacts and refunds read in three statements for the whole
     * page rather than three per request.
     */
    java.util.List<CancellationResponse> ofAll(java.util.List<Cancellation> page, Locale locale, Instant now) {
        if (page.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<String> ids = page.stream().map(c -> c.id).toList();
        java.util.Map<String, dev.shophealth.ruleset.engine.Evaluation> outputs =
                log.outputs(page.stream().map(c -> c.decisionId).toList());
        java.util.Map<String, BuyerContact> contacts = BuyerContact.<BuyerContact>list("requestId in ?1", ids).stream()
                .collect(java.util.stream.Collectors.toMap(b -> b.requestId, b -> b));
        java.util.Map<String, Refund> refunds = new java.util.HashMap<>();
        Refund.<Refund>list("requestId in ?1", ids).forEach(r -> refunds.putIfAbsent(r.requestId, r));
        return page.stream().map(c -> of(c, decisions.render(outputs.get(c.decisionId), locale), contacts.get(c.id),
                refunds.get(c.id), locale, now)).toList();
    }

    CancellationResponse of(Cancellation c, EvaluationReport screening, Locale locale, Instant now) {
        return of(c, screening, BuyerContact.findById(c.id), Refund.find("requestId", c.id).firstResult(), locale, now);
    }

    /** A request with its contact and refund (null when it has none). */
    CancellationResponse of(Cancellation c, EvaluationReport screening, BuyerContact contact, Refund refund,
            Locale locale, Instant now) {
        return view(c, screening, contact, refund, pace.of(c, now), now);
    }

    /** A request just screened and stored in this transaction, with its contact and refund: nothing re-read. */
    CancellationResponse justStored(Cancellation c, EvaluationReport screening, BuyerContact contact, Refund refund,
            Instant now) {
        return view(c, screening, contact, refund, pace.ofJustQueued(c, now), now);
    }

    private static CancellationResponse view(Cancellation c, EvaluationReport screening, BuyerContact contact,
            Refund refund, CancellationResponse.ExpectedDecision expected, Instant now) {
        Instant until = c.decidedAt != null ? c.decidedAt : now;
        return new CancellationResponse(c.id, c.orderNo, c.shopId, c.reason, c.detail, c.status, c.submittedAt,
                c.decidedAt, c.decidedBy, c.reviewNote, Math.max(0, Duration.between(c.submittedAt, until).toSeconds()),
                screening(c, screening),
                contact == null ? null : new CancellationResponse.BuyerContactView(contact.channel,
                        contact.contactedAt, contact.summary, contact.compensationType, contact.compensationAmount),
                refund == null ? null : new CancellationResponse.RefundView(refund.amount, "CNY", refund.destination,
                        refund.refundedAt), expected, claim(c, now));
    }

    private static CancellationResponse.Screening screening(Cancellation c, EvaluationReport r) {
        return new CancellationResponse.Screening(c.decisionId, r.rulesetRevision(), r.verdict(), r.findings(),
                r.suggestions(), r.firedRules(), r.consideredNotFired(), r.error(),
                r.verdict() == dev.shophealth.outcome.Verdict.MANUAL_REVIEW ? ReviewService.suggestion(r.votes()) : null);
    }

    private static CancellationResponse.Claim claim(Cancellation c, Instant now) {
        String holder = c.status == CancellationStatus.PENDING_REVIEW ? c.claimHolder(now) : null;
        return holder == null ? null : new CancellationResponse.Claim(holder, c.claimedUntil);
    }
}
