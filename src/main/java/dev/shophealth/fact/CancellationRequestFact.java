package dev.shophealth.fact;

/**
 * A merchant's request to cancel the shipment of an order, with the evidence the platform holds, as the rules
 * see it. Time-based evidence is given as "days since" so the rules judge it against their parameters.
 *
 * @param orderNo                       the order
 * @param shopId                        the shop asking
 * @param reason                        OUT_OF_STOCK, QUALITY_ISSUE, LOGISTICS_EXCEPTION or OTHER
 * @param detail                        the merchant's explanation (required for OTHER), may be null
 * @param quantity                      ordered quantity
 * @param listedStockAtOrder            the back office's stock when the order was placed
 * @param warehouseStock                counted warehouse stock (the request's evidence, else the latest count), null if none
 * @param daysSinceFailedInspection     days since the latest FAIL inspection of the sku, null if none
 * @param daysSinceOrderLogisticsEvent  days since the latest logistics event on the order, null if none
 * @param daysSinceRegionDisruption     days since the latest disruption in the buyer's region, null if none
 * @param buyerContacted                whether the merchant recorded contacting the buyer
 */
public record CancellationRequestFact(String orderNo, String shopId, String reason, String detail, int quantity,
        int listedStockAtOrder, Integer warehouseStock, Integer daysSinceFailedInspection,
        Integer daysSinceOrderLogisticsEvent, Integer daysSinceRegionDisruption, boolean buyerContacted) {

    /** Length of the detail without surrounding blanks; 0 without detail. */
    public int detailLength() {
        return detail == null ? 0 : detail.strip().length();
    }
}
