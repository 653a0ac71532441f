package dev.shophealth.cancellation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A merchant's request to cancel the shipment of an order, and how it was decided. */
@Entity
@Table(name = "cancellation_request")
public class Cancellation extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "order_no")
    public String orderNo;
    @Column(name = "shop_id")
    public String shopId;
    @Enumerated(EnumType.STRING)
    public CancellationReason reason;
    public String detail;
    @Column(name = "evidence_warehouse_stock")
    public Integer evidenceWarehouseStock;
    @Column(name = "evidence_inspection_id")
    public String evidenceInspectionId;
    @Column(name = "evidence_logistics_event_id")
    public String evidenceLogisticsEventId;
    @Enumerated(EnumType.STRING)
    public CancellationStatus status;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "review_note")
    public String reviewNote;
    @Enumerated(EnumType.STRING)
    @Column(name = "screening_verdict")
    public dev.shophealth.outcome.Verdict screeningVerdict;
    /** Backed by a regional disruption (the screening confirmed it): not counted as the seller's fault. */
    @Column(name = "force_majeure")
    public boolean forceMajeure;
    @Column(name = "decision_id")
    public String decisionId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
    /**
     * The order number while the request waits for review or is approved, else null. The column is unique, so the
     * database holds at most one such request per order: an order is approved, cancelled and refunded once.
     */
    @Column(name = "claimed_order_no")
    public String claimedOrderNo;
    /** The reviewer working on this pending request, until {@link #claimedUntil}; null when nobody is. */
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    /** The reviewer whose claim holds at {@code now}, or null. */
    public String claimHolder(Instant now) {
        return claimedBy != null && claimedUntil != null && claimedUntil.isAfter(now) ? claimedBy : null;
    }
}
