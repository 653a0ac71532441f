package dev.shophealth.cancellation;

/** What the merchant offered the buyer: the guide suggests a coupon for the next purchase or a similar product. */
public enum CompensationType {
    COUPON, ALTERNATIVE_PRODUCT, OTHER
}
