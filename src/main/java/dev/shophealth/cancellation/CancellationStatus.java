package dev.shophealth.cancellation;

/** Where a request stands: decided by the rules, waiting for a reviewer, or decided by one. */
public enum CancellationStatus {
    AUTO_APPROVED, AUTO_REJECTED, PENDING_REVIEW, APPROVED, REJECTED;

    /** Statuses whose order is (or, pending, probably will be) cancelled by the seller. */
    public static final java.util.List<CancellationStatus> SELLER_CANCELLING =
            java.util.List.of(AUTO_APPROVED, APPROVED, PENDING_REVIEW);
}
