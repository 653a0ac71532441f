package dev.shophealth.cancellation;

import dev.shophealth.decisionlog.DecisionLog;
import dev.shophealth.ruleset.engine.Evaluation;
import dev.shophealth.ruleset.EvaluationReport;
import dev.shophealth.ruleset.RulesetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Renders stored requests for the API, with the screening's texts in the caller's language. */
@ApplicationScoped
public class CancellationViews {

    @Inject
    DecisionLog decisions;

    @Inject
    RulesetService rulesets;

    CancellationResponse of(Cancellation c, Locale locale, Instant now) {
        return of(c, decisions.output(c.decisionId), locale, now);
    }

    CancellationResponse of(Cancellation c, Evaluation e, Locale locale, Instant now) {
        BuyerContact contact = BuyerContact.findById(c.id);
        Refund refund = Refund.find("requestId", c.id).firstResult();
        Instant until = c.decidedAt != null ? c.decidedAt : now;
        return new CancellationResponse(c.id, c.orderNo, c.shopId, c.reason, c.detail, c.status, c.submittedAt,
                c.decidedAt, c.decidedBy, c.reviewNote, Math.max(0, Duration.between(c.submittedAt, until).toSeconds()),
                screening(c, e, locale),
                contact == null ? null : new CancellationResponse.BuyerContactView(contact.channel,
                        contact.contactedAt, contact.summary, contact.compensationType, contact.compensationAmount),
                refund == null ? null : new CancellationResponse.RefundView(refund.amount, "CNY", refund.destination,
                        refund.refundedAt));
    }

    private CancellationResponse.Screening screening(Cancellation c, Evaluation e, Locale locale) {
        EvaluationReport r = rulesets.render(e, locale);
        return new CancellationResponse.Screening(c.decisionId, r.rulesetRevision(), r.verdict(), r.findings(),
                r.suggestions(), r.firedRules(), r.consideredNotFired(), r.error());
    }
}
