package dev.shophealth.fact;

/**
 * A merchant's request to cancel the shipment of an order, with the evidence the platform holds, as the rules
 * see it. Time-based evidence is given as "days since" (before the request) or "days after the order was placed"
 * so the rules judge it against their parameters; what the merchant declares is kept apart from what the platform
 * counted, so a claim that contradicts a platform record can be found.
 *
 * @param orderNo                       the order
 * @param shopId                        the shop asking
 * @param reason                        OUT_OF_STOCK, QUALITY_ISSUE, LOGISTICS_EXCEPTION or OTHER
 * @param detail                        the merchant's explanation (required for OTHER), may be null
 * @param quantity                      ordered quantity
 * @param listedStockAtOrder            the back office's stock when the order was placed
 * @param warehouseStock                the stock judged by: the merchant's declared count, else the platform's latest
 *                                      count if it is at most {@code stockCountMaxAgeDays} old; null if neither
 * @param daysSinceFailedInspection     days since the latest FAIL inspection of the sku, null if none
 * @param daysSinceOrderLogisticsEvent  days since the latest logistics event on the order, null if none
 * @param daysSinceRegionDisruption     days since the latest disruption in the buyer's region, null if none
 * @param buyerContacted                whether the merchant recorded contacting the buyer
 * @param countedStock                  the platform's latest warehouse count of the sku before the request, null if none
 * @param daysSinceStockCount           days between that count and the request, null without a count
 * @param failedInspectionDaysBeforeOrder days the latest FAIL inspection precedes the order's placement (0 or less:
 *                                      inspected after the order was placed), null if none
 * @param disruptionDaysAfterOrder      days from the order's placement to the latest regional disruption (negative:
 *                                      it happened before the order was placed), null if none
 * @param contactSummary                what the merchant says it told the buyer, null without a contact
 * @param compensationOffered           whether the merchant offered the buyer a compensation (coupon, similar
 *                                      product); null is no
 */
public record CancellationRequestFact(String orderNo, String shopId, String reason, String detail, int quantity,
        int listedStockAtOrder, Integer warehouseStock, Integer daysSinceFailedInspection,
        Integer daysSinceOrderLogisticsEvent, Integer daysSinceRegionDisruption, boolean buyerContacted,
        Integer countedStock, Integer daysSinceStockCount, Integer failedInspectionDaysBeforeOrder,
        Integer disruptionDaysAfterOrder, String contactSummary, Boolean compensationOffered) {

    public CancellationRequestFact {
        compensationOffered = Boolean.TRUE.equals(compensationOffered);
    }

    /** A request without the platform's timeline evidence (tests, older callers). */
    public CancellationRequestFact(String orderNo, String shopId, String reason, String detail, int quantity,
            int listedStockAtOrder, Integer warehouseStock, Integer daysSinceFailedInspection,
            Integer daysSinceOrderLogisticsEvent, Integer daysSinceRegionDisruption, boolean buyerContacted) {
        this(orderNo, shopId, reason, detail, quantity, listedStockAtOrder, warehouseStock, daysSinceFailedInspection,
                daysSinceOrderLogisticsEvent, daysSinceRegionDisruption, buyerContacted, null, null, null, null, null,
                false);
    }

    /**
     * What the detail says, in information units ({@link TextContent}): distinct CJK characters weigh
     * {@code cjkWeight}, distinct other words their letters; repeats and filler nothing.
     */
    public int detailContent(int cjkWeight) {
        return TextContent.of(detail, cjkWeight);
    }

    /** What the contact summary says, by the same measure as {@link #detailContent}. */
    public int contactSummaryContent(int cjkWeight) {
        return TextContent.of(contactSummary, cjkWeight);
    }

    /** Length of the detail without surrounding blanks; 0 without detail. */
    public int detailLength() {
        return detail == null ? 0 : detail.strip().length();
    }
}
