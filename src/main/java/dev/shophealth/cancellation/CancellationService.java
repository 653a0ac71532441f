package dev.shophealth.cancellation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.common.FieldError;
import dev.shophealth.common.ProblemException;
import dev.shophealth.common.Violations;
import dev.shophealth.decision.Decision;
import dev.shophealth.decision.Decisions;
import dev.shophealth.decision.EvaluationReport;
import dev.shophealth.decisionlog.DecisionLog;
import dev.shophealth.order.ShopOrder;
import dev.shophealth.ruleset.engine.Evaluation;
import dev.shophealth.order.ShopScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    Decisions decisions;
    @Inject
    ShopDayCounts counts;
    @Inject
    ScreeningFacts facts;
    @Inject
    CancellationViews views;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    ShopScope scope;
    @Inject
    Validator validator;

    @Transactional
    public Submitted submit(String key, CancellationRequest body, Locale locale, Instant now) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            throw ProblemException.badRequest("Idempotency-Key", "header is required, 1 to " + MAX_KEY + " characters");
        }
        if (body == null) {
            throw ProblemException.badRequest("body", "a JSON object with orderNo and reason is required");
        }
        Violations.requireValid(validator, body);
        String hash = hash(body);
        // both databases keep microseconds: the first answer shows what a replay will read back
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        try {
            return screen(key, hash, body, locale, at);
        } catch (PersistenceException e) {
            if (!Races.lost(e)) {
                throw e;
            }
            // one order's requests wait for its lock, so this is one key used on two orders at once, or a lock
            // held past the database's timeout; a retry with the same key is safe
            throw ProblemException.conflict("Another request for this order or with the Idempotency-Key '" + key
                    + "' is being processed right now; send this request again to get its answer");
        }
    }

    /**
     * The finding by which the rules confirm a regional disruption: a cancellation carrying it is force majeure and
     * stays out of the shop's seller-fault rate (as TikTok Shop's seller-fault rate leaves such cancellations out).
     */
    static final String FORCE_MAJEURE = "REGION_DISRUPTION_CONFIRMED";

    private Submitted screen(String key, String hash, CancellationRequest body, Locale locale, Instant now) {
        // another shop's order is not found, and not locked: a merchant cannot hold other shops' orders
        ShopOrder order = OrderCancellation.lock(body.orderNo().strip(), scope.shops().orElse(null));
        if (order == null) {
            throw ProblemException.notFound("No order with number '" + body.orderNo() + "'");
        }
        // a replay is answered here, after the order was found visible and locked: a key is never looked up for an
        // order the caller cannot see, and the same request stored while this one waited for the lock is seen
        Optional<Submitted> stored = replay(key, hash, locale, now);
        if (stored.isPresent()) {
            return stored.get();
        }
        OrderCancellation.checkCancellable(order, null);
        List<FieldError> cited = CitedEvidence.faults(order, body, now);
        if (!cited.isEmpty()) {
            throw ProblemException.invalid(cited);
        }
        Decision decision = decisions.decide(DecisionLog.Kind.SCREENING, order.orderNo,
                ruleset -> facts.facts(order, body, ruleset.parameters().parameters(), now), now);
        // rendered before the writes, so the counts' rows they lock are held only until the commit
        EvaluationReport report = decision.report(locale);
        Stored written = store(key, hash, body, order, decision, now);
        return new Submitted(views.justStored(written.request(), report, written.contact(), written.refund(), now),
                false);
    }

    /** The earlier answer to this key, replayed; 422 when the key was used for another request. */
    private Optional<Submitted> replay(String key, String hash, Locale locale, Instant now) {
        Cancellation earlier = Cancellation.find("idempotencyKey", key).firstResult();
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.requestHash.equals(hash)) {
            throw new ProblemException(422, "Idempotency key reused", "The Idempotency-Key '" + key
                    + "' was used for a different request; use a new key for a new request",
                    List.of(new FieldError("Idempotency-Key", "was used with another body")));
        }
        return Optional.of(new Submitted(views.of(earlier, locale, now), true));
    }

    /** A request as stored, with its buyer contact and refund (null when it has none). */
    private record Stored(Cancellation request, BuyerContact contact, Refund refund) {
    }

    private Stored store(String key, String hash, CancellationRequest body, ShopOrder order, Decision decision,
            Instant now) {
        Evaluation evaluation = decision.evaluation();
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
        c.decisionId = decision.decisionId();
        c.forceMajeure = evaluation.findings().stream().anyMatch(f -> FORCE_MAJEURE.equals(f.code()));
        c.status = switch (evaluation.verdict()) {
            case APPROVE -> CancellationStatus.AUTO_APPROVED;
            case REJECT -> CancellationStatus.AUTO_REJECTED;
            case MANUAL_REVIEW -> CancellationStatus.PENDING_REVIEW;
        };
        if (c.status != CancellationStatus.PENDING_REVIEW) {
            c.decidedAt = now;
            c.decidedBy = "ruleset:" + evaluation.rulesetRevision();
        }
        if (c.status != CancellationStatus.AUTO_REJECTED) {
            c.claimedOrderNo = order.orderNo;
        }
        c.persist();
        BuyerContact contact = body.buyerContact() == null ? null : contact(c.id, body.buyerContact());
        Refund refund = c.status == CancellationStatus.AUTO_APPROVED ? OrderCancellation.cancel(order, c, now) : null;
        // constraint violations surface here, inside submit's handling, not at commit
        em.flush();
        // last, as each locks a count's row until the commit
        counts.submitted(c, contact);
        return new Stored(c, contact, refund);
    }

    private static BuyerContact contact(String requestId, CancellationRequest.BuyerContactRequest r) {
        BuyerContact contact = new BuyerContact();
        contact.requestId = requestId;
        contact.channel = r.channel().strip();
        contact.contactedAt = CitedEvidence.contactedAt(r);
        contact.summary = r.summary().strip();
        if (r.compensation() != null) {
            contact.compensationType = r.compensation().type().strip();
            // as the numeric(14, 2) column keeps it (the constraints allow two decimals), so a replay shows the same
            contact.compensationAmount = r.compensation().amount() == null ? null
                    : r.compensation().amount().setScale(2);
        }
        contact.persist();
        return contact;
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
