package dev.shophealth.order;

import java.time.Instant;
import java.util.List;

/** One order with the evidence and feedback the platform holds about it. */
public record OrderDetailResponse(OrderResponse order, Evidence evidence, ReviewView review,
        List<ComplaintView> complaints) {

    /** What a reviewer weighs: warehouse counts of the sku, its inspections, logistics events of the order or its region. */
    public record Evidence(List<StockCountView> stockCounts, List<InspectionView> inspections,
            List<LogisticsEventView> logisticsEvents) {
    }

    public record StockCountView(int countedQuantity, Instant countedAt) {
    }

    public record InspectionView(String inspectionId, String batch, InspectionResult result, String defect,
            Instant inspectedAt) {
    }

    public record LogisticsEventView(String eventId, String orderNo, String region, LogisticsKind kind, String detail,
            Instant occurredAt) {
    }

    public record ReviewView(int stars, String text, Instant reviewedAt) {
    }

    public record ComplaintView(String text, Instant complainedAt) {
    }
}
