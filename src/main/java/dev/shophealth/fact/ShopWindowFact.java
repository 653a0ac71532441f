package dev.shophealth.fact;

/**
 * A shop's record over one window ending at the report date — {@link Window#SHORT}, {@link Window#LONG} and
 * {@link Window#RATING}, their lengths from the parameters (7, 30 and 90 days as shipped): computed by SQL
 * aggregates (or from a posted history) before the rating rules run.
 *
 * @param window                      the window's role; rules match on it ({@code window == Window.LONG})
 * @param days                        its length in days (a parameter)
 * @param orders                      orders placed in the window
 * @param sellerCancellations         approved seller-fault cancellations requested in the window (those backed by a
 *                                    regional disruption are not the seller's fault: see disruptionCancellations)
 * @param outOfStock                  of those, for OUT_OF_STOCK
 * @param quality                     of those, for QUALITY_ISSUE
 * @param logistics                   of those, for LOGISTICS_EXCEPTION (not backed by a regional disruption)
 * @param other                       of those, for OTHER
 * @param cancellationsWithoutContact of those, without a recorded contact with the buyer
 * @param pendingReviews              requests of the window still waiting for a reviewer at the report date
 * @param complaints                  buyer complaints made in the window
 * @param reviews                     buyer reviews made in the window
 * @param negativeReviews             of those, with 2 stars or fewer
 * @param failedInspections           failed quality inspections of the shop's products in the window
 * @param logisticsIncidents          logistics events (delay, loss, damage) on the shop's orders in the window
 * @param disruptionCancellations     approved cancellations backed by a regional disruption (force majeure), apart
 * @param compensatedCancellations    of the seller cancellations, those where the buyer was contacted and offered a
 *                                    compensation (coupon, similar product)
 */
public record ShopWindowFact(Window window, int days, int orders, int sellerCancellations, int outOfStock,
        int quality, int logistics, int other, int cancellationsWithoutContact, int pendingReviews, int complaints,
        int reviews, int negativeReviews, int failedInspections, int logisticsIncidents, Integer disruptionCancellations,
        Integer compensatedCancellations) {

    /** The two later counts may be left out (scenarios and histories written before them): they are then 0. */
    public ShopWindowFact {
        disruptionCancellations = disruptionCancellations == null ? 0 : disruptionCancellations;
        compensatedCancellations = compensatedCancellations == null ? 0 : compensatedCancellations;
    }

    /** A window without the force-majeure and compensation counts (tests, older histories). */
    public ShopWindowFact(Window window, int days, int orders, int sellerCancellations, int outOfStock, int quality,
            int logistics, int other, int cancellationsWithoutContact, int pendingReviews, int complaints, int reviews,
            int negativeReviews, int failedInspections, int logisticsIncidents) {
        this(window, days, orders, sellerCancellations, outOfStock, quality, logistics, other,
                cancellationsWithoutContact, pendingReviews, complaints, reviews, negativeReviews, failedInspections,
                logisticsIncidents, 0, 0);
    }

    public double cancellationRate() {
        return ratio(sellerCancellations, orders);
    }

    public double complaintRate() {
        return ratio(complaints, orders);
    }

    public double negativeReviewRate() {
        return ratio(negativeReviews, reviews);
    }

    /** Share of the window's seller cancellations without a recorded contact with the buyer. */
    public double noContactShare() {
        return ratio(cancellationsWithoutContact, sellerCancellations);
    }

    /**
     * The lower bound of the Wilson score interval of the seller-fault cancellation rate at {@code z} (1.96: 95 %):
     * the rate the shop has at least, with that confidence. Small samples are judged by it instead of being hidden:
     * 10 of 19 has a lower bound of 32 %, 1 of 3 one of 6 %.
     */
    public double cancellationRateLow(double z) {
        return wilsonLow(sellerCancellations, orders, z);
    }

    /**
     * The level the rate reaches: 2 critical, 1 warning, 0 neither (or fewer than {@code minCancellations}
     * cancellations), judged by {@link #cancellationRateLow}. Lets a rule pick the one window that speaks for the rate.
     */
    public int rateLevel(double z, double warning, double critical, int minCancellations) {
        if (sellerCancellations < minCancellations) {
            return 0;
        }
        double low = cancellationRateLow(z);
        return low >= critical ? 2 : low >= warning ? 1 : 0;
    }

    /** The Wilson lower bound of the share of the window's orders cancelled for {@code reason}. */
    public double reasonShareLow(String reason, double z) {
        int count = switch (reason) {
            case "OUT_OF_STOCK" -> outOfStock;
            case "QUALITY_ISSUE" -> quality;
            case "LOGISTICS_EXCEPTION" -> logistics;
            default -> other;
        };
        return wilsonLow(count, orders, z);
    }

    /** Logistics incidents per order, Wilson lower bound (an order rarely has two). */
    public double incidentShareLow(double z) {
        return wilsonLow(Math.min(logisticsIncidents, orders), orders, z);
    }

    /**
     * The reason behind most seller-fault cancellations; ties go to the first in the stated order OUT_OF_STOCK,
     * QUALITY_ISSUE, LOGISTICS_EXCEPTION, OTHER. "NONE" without cancellations.
     */
    public String mainReason() {
        int[] counts = {outOfStock, quality, logistics, other};
        String[] names = {"OUT_OF_STOCK", "QUALITY_ISSUE", "LOGISTICS_EXCEPTION", "OTHER"};
        int best = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                best = i;
            }
        }
        return best < 0 ? "NONE" : names[best];
    }

    /** Share of the window's seller cancellations where the buyer was contacted and offered a compensation. */
    public double compensatedShare() {
        return ratio(compensatedCancellations, sellerCancellations);
    }

    /** Orders still needed to reach {@code minimum}; 0 when reached. */
    public int ordersMissing(int minimum) {
        return Math.max(0, minimum - orders);
    }

    static double wilsonLow(int part, int whole, double z) {
        if (whole <= 0) {
            return 0;
        }
        double p = (double) part / whole;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * whole);
        double spread = z * Math.sqrt(p * (1 - p) / whole + z2 / (4.0 * whole * whole));
        return Math.max(0, (centre - spread) / (1 + z2 / whole));
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
