package dev.shophealth.order;

/** Outcome of a pre-shipment quality inspection. */
public enum InspectionResult {
    PASS, FAIL
}
