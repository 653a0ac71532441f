package dev.shophealth.cancellation;

import java.math.BigDecimal;

/**
 * A merchant's request to cancel the shipment of an order (seed steps 2–4). Enumerations are read as text so a
 * wrong value is answered with the allowed ones; {@link CancellationRequestValidator} checks everything.
 */
public record CancellationRequest(String orderNo, String reason, String detail, Evidence evidence,
        BuyerContactRequest buyerContact) {

    /** What the merchant offers as proof; the platform's own records are used where this is silent. */
    public record Evidence(Integer warehouseStock, String inspectionId, String logisticsEventId) {
    }

    /** The merchant's contact with the buyer before cancelling. */
    public record BuyerContactRequest(String channel, String contactedAt, String summary, Compensation compensation) {
    }

    /** What the buyer was offered. */
    public record Compensation(String type, BigDecimal amount) {
    }
}
