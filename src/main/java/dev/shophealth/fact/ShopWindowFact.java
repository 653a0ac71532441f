package dev.shophealth.fact;

/**
 * A shop's record over one window ending at the report date ({@code 7d}, {@code 30d}, {@code 90d}): computed by
 * SQL aggregates (or from a posted history) before the rating rules run.
 *
 * @param window                      the window's name: 7d, 30d or 90d
 * @param days                        its length in days
 * @param orders                      orders placed in the window
 * @param sellerCancellations         approved seller-caused cancellations requested in the window
 * @param outOfStock                  of those, for OUT_OF_STOCK
 * @param quality                     of those, for QUALITY_ISSUE
 * @param logistics                   of those, for LOGISTICS_EXCEPTION
 * @param other                       of those, for OTHER
 * @param cancellationsWithoutContact of those, without a recorded contact with the buyer
 * @param pendingReviews              requests of the window still waiting for a reviewer at the report date
 * @param complaints                  buyer complaints made in the window
 * @param reviews                     buyer reviews made in the window
 * @param negativeReviews             of those, with 2 stars or fewer
 * @param failedInspections           failed quality inspections of the shop's products in the window
 * @param logisticsIncidents          logistics events (delay, loss, damage) on the shop's orders in the window
 */
public record ShopWindowFact(String window, int days, int orders, int sellerCancellations, int outOfStock,
        int quality, int logistics, int other, int cancellationsWithoutContact, int pendingReviews, int complaints,
        int reviews, int negativeReviews, int failedInspections, int logisticsIncidents) {

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

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
