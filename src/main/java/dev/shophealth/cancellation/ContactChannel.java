package dev.shophealth.cancellation;

/** How the merchant reached the buyer. */
public enum ContactChannel {
    PLATFORM_MESSAGE, PHONE
}
