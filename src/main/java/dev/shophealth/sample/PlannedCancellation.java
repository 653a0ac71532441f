package dev.shophealth.sample;

import java.time.OffsetDateTime;

/**
 * A seller-caused cancellation the generator decided on: the order is CANCELLED in the sample, and this says why
 * and whether the merchant contacted the buyer first; the cancellation-request sample is built from it.
 */
public record PlannedCancellation(String orderNo, String shopId, String reason, boolean buyerContacted,
        OffsetDateTime requestedAt) {
}
