package dev.shophealth.shophealth;

import dev.shophealth.cancellation.CancellationReason;
import dev.shophealth.cancellation.CancellationStatus;
import dev.shophealth.cancellation.CompensationType;
import dev.shophealth.common.EnumName;
import dev.shophealth.order.InspectionResult;
import dev.shophealth.order.LogisticsKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A shop's history posted for a health report that stores nothing ({@code POST /api/evaluate}). The same
 * definitions as the stored-data report apply; every record must refer to an order in {@code orders}
 * ({@link ConsistentHistory}). Every fault is named by its path, e.g. {@code reviews[2].stars}.
 */
@ConsistentHistory
public record HistoryRequest(
        @NotNull @Valid Shop shop,
        @NotNull(message = "is required: the report date, e.g. 2026-11-26T00:00:00+08:00") OffsetDateTime asOf,
        @Size(max = MAX_ORDERS, message = "more than {max} orders") List<@NotNull(message = OBJECT) @Valid Order> orders,
        List<@NotNull(message = OBJECT) @Valid CancellationRequest> cancellationRequests,
        List<@NotNull(message = OBJECT) @Valid BuyerContact> buyerContacts,
        List<@NotNull(message = OBJECT) @Valid Review> reviews,
        List<@NotNull(message = OBJECT) @Valid Complaint> complaints,
        List<@NotNull(message = OBJECT) @Valid Inspection> inspections,
        List<@NotNull(message = OBJECT) @Valid LogisticsEvent> logisticsEvents) {

    /** The most orders one history may hold. */
    static final int MAX_ORDERS = 200_000;
    static final String OBJECT = "must be an object";

    /** A record about one of the posted orders. */
    public interface OrderBound {
        String orderNo();
    }

    /** The shop. */
    public record Shop(@NotBlank String id, String name) {
    }

    /** An order (placement time is what the metrics count). */
    public record Order(@NotNull String orderNo, String sku, @NotNull OffsetDateTime placedAt) {
    }

    /**
     * A cancellation request; approved ones need {@code decidedAt}. {@code forceMajeure} (optional, default false):
     * the screening confirmed a regional disruption, so it does not count as the seller's fault.
     */
    public record CancellationRequest(String orderNo, @NotNull CancellationReason reason,
            @NotNull OffsetDateTime submittedAt, @NotNull CancellationStatus status, OffsetDateTime decidedAt,
            Boolean forceMajeure) implements OrderBound {
    }

    /**
     * The merchant's contact with the buyer about the cancellation of {@code orderNo}; {@code compensationType}
     * (optional) is what was offered: COUPON, ALTERNATIVE_PRODUCT or OTHER.
     */
    public record BuyerContact(String orderNo, @NotNull OffsetDateTime contactedAt,
            @EnumName(CompensationType.class) @Schema(implementation = CompensationType.class) String compensationType)
            implements OrderBound {
    }

    /** A buyer review. */
    public record Review(String orderNo,
            @NotNull @Min(value = 1, message = STARS) @Max(value = 5, message = STARS) Integer stars,
            @NotNull OffsetDateTime reviewedAt) implements OrderBound {
        static final String STARS = "must be between 1 and 5";
    }

    /** A buyer complaint. */
    public record Complaint(String orderNo, @NotNull OffsetDateTime complainedAt) implements OrderBound {
    }

    /** A quality inspection of one of the shop's products. */
    public record Inspection(String sku, @NotNull InspectionResult result, @NotNull OffsetDateTime inspectedAt) {
    }

    /** A logistics event on one of the orders. */
    public record LogisticsEvent(String orderNo, @NotNull LogisticsKind kind, @NotNull OffsetDateTime occurredAt)
            implements OrderBound {
    }
}
