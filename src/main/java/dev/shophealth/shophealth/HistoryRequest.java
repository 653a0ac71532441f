package dev.shophealth.shophealth;

import dev.shophealth.cancellation.CancellationReason;
import dev.shophealth.cancellation.CancellationStatus;
import dev.shophealth.order.InspectionResult;
import dev.shophealth.order.LogisticsKind;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A shop's history posted for a health report that stores nothing ({@code POST /api/evaluate}). The same
 * definitions as the stored-data report apply; every record must refer to an order in {@code orders}.
 */
public record HistoryRequest(Shop shop, OffsetDateTime asOf, List<Order> orders,
        List<CancellationRequest> cancellationRequests, List<BuyerContact> buyerContacts, List<Review> reviews,
        List<Complaint> complaints, List<Inspection> inspections, List<LogisticsEvent> logisticsEvents) {

    /** A record about one of the posted orders. */
    public interface OrderBound {
        String orderNo();
    }

    /** The shop. */
    public record Shop(String id, String name) {
    }

    /** An order (placement time is what the metrics count). */
    public record Order(String orderNo, String sku, OffsetDateTime placedAt) {
    }

    /**
     * A cancellation request; approved ones need {@code decidedAt}. {@code forceMajeure} (optional, default false):
     * the screening confirmed a regional disruption, so it does not count as the seller's fault.
     */
    public record CancellationRequest(String orderNo, CancellationReason reason, OffsetDateTime submittedAt,
            CancellationStatus status, OffsetDateTime decidedAt, Boolean forceMajeure) implements OrderBound {
    }

    /**
     * The merchant's contact with the buyer about the cancellation of {@code orderNo}; {@code compensationType}
     * (optional) is what was offered: COUPON, ALTERNATIVE_PRODUCT or OTHER.
     */
    public record BuyerContact(String orderNo, OffsetDateTime contactedAt, String compensationType)
            implements OrderBound {
    }

    /** A buyer review. */
    public record Review(String orderNo, Integer stars, OffsetDateTime reviewedAt) implements OrderBound {
    }

    /** A buyer complaint. */
    public record Complaint(String orderNo, OffsetDateTime complainedAt) implements OrderBound {
    }

    /** A quality inspection of one of the shop's products. */
    public record Inspection(String sku, InspectionResult result, OffsetDateTime inspectedAt) {
    }

    /** A logistics event on one of the orders. */
    public record LogisticsEvent(String orderNo, LogisticsKind kind, OffsetDateTime occurredAt) implements OrderBound {
    }
}
