package dev.shophealth.cancellation;

import dev.shophealth.common.EnumName;
import dev.shophealth.common.OffsetDateTimeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A merchant's request to cancel the shipment of an order (seed steps 2–4). Enumerations are read as text so a
 * wrong value is answered with the allowed ones (the OpenAPI document shows them as the enumerations). The
 * constraints check the body alone; that the cited evidence exists and the contact is not dated after the request
 * is checked against the platform's records ({@link CitedEvidence}).
 */
@DetailForOther
public record CancellationRequest(
        @NotBlank String orderNo,
        @EnumName(value = CancellationReason.class, required = true)
        @Schema(implementation = CancellationReason.class) String reason,
        @Size(max = MAX_TEXT, message = TOO_LONG) String detail,
        @Valid Evidence evidence,
        @Valid BuyerContactRequest buyerContact) {

    /** The longest free text (detail, contact summary, reviewer's note) the service stores. */
    public static final int MAX_TEXT = 2000;
    static final String TOO_LONG = "is longer than {max} characters";
    /** The bounds of an amount as the database stores it (numeric(14, 2)). */
    static final String AMOUNT = "must be an amount from 0 to 999999999999.99 with at most two decimals";

    /** What the merchant offers as proof; the platform's own records are used where this is silent. */
    public record Evidence(@PositiveOrZero(message = "must not be negative") Integer warehouseStock,
            String inspectionId, String logisticsEventId) {
    }

    /** The merchant's contact with the buyer before cancelling. */
    public record BuyerContactRequest(
            @EnumName(value = ContactChannel.class, required = true)
            @Schema(implementation = ContactChannel.class) String channel,
            @NotBlank @OffsetDateTimeText @Schema(format = "date-time") String contactedAt,
            @NotBlank(message = "is required: what was said to the buyer") @Size(max = MAX_TEXT, message = TOO_LONG)
            String summary,
            @Valid Compensation compensation) {
    }

    /** What the buyer was offered. */
    public record Compensation(
            @EnumName(value = CompensationType.class, required = true)
            @Schema(implementation = CompensationType.class) String type,
            @DecimalMin(value = "0", message = AMOUNT) @DecimalMax(value = "999999999999.99", message = AMOUNT)
            @Digits(integer = 12, fraction = 2, message = AMOUNT) BigDecimal amount) {
    }
}
