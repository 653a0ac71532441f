package dev.shophealth.cancellation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.common.FieldError;
import dev.shophealth.common.ProblemException;
import dev.shophealth.decisionlog.DecisionLog;
import dev.shophealth.fact.Given;
import dev.shophealth.order.ShopOrder;
import dev.shophealth.ruleset.CompiledRuleset;
import dev.shophealth.ruleset.Evaluation;
import dev.shophealth.ruleset.Evaluator;
import dev.shophealth.ruleset.NoActiveRulesetException;
import dev.shophealth.ruleset.RulesetRegistry;
import dev.shophealth.security.ShopScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Intake and screening of cancellation requests (reviewers decide in {@link ReviewService}). A request is validated, screened by
 * the active ruleset, and stored with its decision-log row — and, when approved, the cancelled order and the
 * refund — in one transaction; anything rejected before screening writes nothing.
 */
@ApplicationScoped
public class CancellationService {

    static final int MAX_KEY = 200;

    /** The answer to an intake: the request, and whether this call created it or replayed an earlier answer. */
    public record Submitted(CancellationResponse response, boolean replayed) {
    }

    @Inject
    RulesetRegistry rulesets;
    @Inject
    ScreeningFacts facts;
    @Inject
    DecisionLog decisionLog;
    @Inject
    CancellationViews views;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    ShopScope scope;

    @Transactional
    public Submitted submit(String key, CancellationRequest body, Locale locale, Instant now) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            throw ProblemException.badRequest("Idempotency-Key", "header is required, 1 to " + MAX_KEY + " characters");
        }
        List<FieldError> errors = CancellationRequestValidator.validate(body);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        String hash = hash(body);
        Cancellation earlier = Cancellation.find("idempotencyKey", key).firstResult();
        if (earlier != null) {
            if (!earlier.requestHash.equals(hash)) {
                throw new ProblemException(422, "Idempotency key reused", "The Idempotency-Key '" + key
                        + "' was used for a different request; use a new key for a new request",
                        List.of(new FieldError("Idempotency-Key", "was used with another body")));
            }
            return new Submitted(views.of(earlier, locale, now), true);
        }
        ShopOrder order = ShopOrder.findById(body.orderNo().strip());
        if (order == null || !scope.sees(order.shopId)) {
            throw ProblemException.notFound("No order with number '" + body.orderNo() + "'");
        }
        OrderCancellation.checkCancellable(order);
        CompiledRuleset ruleset = rulesets.active().orElseThrow(NoActiveRulesetException::new);
        Given given = new Given(facts.request(order, body, now),
                facts.stats(order.shopId, body.reason().strip(), ruleset.parameters().parameters(), now), null, null);
        Evaluation evaluation = Evaluator.evaluate(ruleset, given);
        Cancellation c = store(key, hash, body, order, given, evaluation, now);
        return new Submitted(views.of(c, evaluation, locale, now), false);
    }

    private Cancellation store(String key, String hash, CancellationRequest body, ShopOrder order, Given given,
            Evaluation evaluation, Instant now) {
        Cancellation c = new Cancellation();
        c.id = UUID.randomUUID().toString();
        c.orderNo = order.orderNo;
        c.shopId = order.shopId;
        c.reason = CancellationReason.valueOf(body.reason().strip());
        c.detail = body.detail() == null || body.detail().isBlank() ? null : body.detail().strip();
        if (body.evidence() != null) {
            c.evidenceWarehouseStock = body.evidence().warehouseStock();
            c.evidenceInspectionId = body.evidence().inspectionId();
            c.evidenceLogisticsEventId = body.evidence().logisticsEventId();
        }
        c.submittedAt = now;
        c.idempotencyKey = key;
        c.requestHash = hash;
        c.screeningVerdict = evaluation.verdict();
        c.decisionId = decisionLog.record(DecisionLog.Kind.SCREENING, order.orderNo, given, evaluation, now);
        c.status = switch (evaluation.verdict()) {
            case APPROVE -> CancellationStatus.AUTO_APPROVED;
            case REJECT -> CancellationStatus.AUTO_REJECTED;
            case MANUAL_REVIEW -> CancellationStatus.PENDING_REVIEW;
        };
        if (c.status == CancellationStatus.PENDING_REVIEW) {
            c.openOrderNo = order.orderNo;
        } else {
            c.decidedAt = now;
            c.decidedBy = "ruleset:" + evaluation.rulesetRevision();
        }
        c.persist();
        if (body.buyerContact() != null) {
            contact(c.id, body.buyerContact());
        }
        if (c.status == CancellationStatus.AUTO_APPROVED) {
            OrderCancellation.cancel(order, c, now);
        }
        flush("The order has an open cancellation request, or this Idempotency-Key is being used right now");
        return c;
    }





    private static void contact(String requestId, CancellationRequest.BuyerContactRequest r) {
        BuyerContact contact = new BuyerContact();
        contact.requestId = requestId;
        contact.channel = r.channel().strip();
        contact.contactedAt = CancellationRequestValidator.instant(r.contactedAt());
        contact.summary = r.summary().strip();
        if (r.compensation() != null) {
            contact.compensationType = r.compensation().type().strip();
            contact.compensationAmount = r.compensation().amount();
        }
        contact.persist();
    }

    private void flush(String conflict) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            // a unique constraint lost a race with a concurrent request; nothing of this one is kept
            throw ProblemException.conflict(conflict);
        }
    }

    private String hash(CancellationRequest body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("A request cannot be hashed", e);
        }
    }
}
