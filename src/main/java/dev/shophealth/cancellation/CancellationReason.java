package dev.shophealth.cancellation;

/** The merchant's reason, from the platform's fixed list; OTHER needs a written explanation. */
public enum CancellationReason {
    OUT_OF_STOCK, QUALITY_ISSUE, LOGISTICS_EXCEPTION, OTHER
}
