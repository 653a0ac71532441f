package dev.shophealth.shophealth;

import dev.shophealth.fact.ShopWindowFact;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A shop's metrics over one window, as merchants read them. Rates are fractions (0.025 = 2.5 %). Seller
 * cancellations leave out those forced by a regional disruption ({@code disruptionCancellations});
 * {@code cancellationRateLowerBound} is the least the rate is at the ruleset's confidence (Wilson lower bound at rateConfidenceZ), the rate the score judges.
 */
public record WindowMetrics(int days, int orders, int sellerCancellations, Map<String, Integer> cancellationsByReason,
        double cancellationRate, int complaints, double complaintRate, int reviews, int negativeReviews,
        double negativeReviewRate, int cancellationsWithoutContact, double noContactShare, int pendingReviews,
        int failedInspections, int logisticsIncidents, int disruptionCancellations, double cancellationRateLowerBound) {


    /** The metrics of {@code w}; the lower bound at {@code z}, the ruleset's rateConfidenceZ. */
    static WindowMetrics of(ShopWindowFact w, double z) {
        Map<String, Integer> byReason = new LinkedHashMap<>();
        byReason.put("OUT_OF_STOCK", w.outOfStock());
        byReason.put("QUALITY_ISSUE", w.quality());
        byReason.put("LOGISTICS_EXCEPTION", w.logistics());
        byReason.put("OTHER", w.other());
        return new WindowMetrics(w.days(), w.orders(), w.sellerCancellations(), byReason, round(w.cancellationRate()),
                w.complaints(), round(w.complaintRate()), w.reviews(), w.negativeReviews(),
                round(w.negativeReviewRate()), w.cancellationsWithoutContact(), round(w.noContactShare()),
                w.pendingReviews(), w.failedInspections(), w.logisticsIncidents(), w.disruptionCancellations(),
                round(w.cancellationRateLow(z)));
    }

    private static double round(double rate) {
        return Math.round(rate * 10_000) / 10_000.0;
    }
}
