package dev.shophealth.fact;

/**
 * A shop's seller-caused cancellations over one rolling window, the request being judged counted in. Computed by
 * SQL aggregates before the rules run.
 *
 * @param window              {@link Window#SHORT} or {@link Window#LONG} (their lengths are parameters)
 * @param days                the window's length
 * @param orders              orders placed in the window
 * @param sellerCancellations seller-caused cancellations in the window
 * @param sameReasonCount     cancellations in the window with the same reason as the request
 */
public record CancellationStatsFact(Window window, int days, int orders, int sellerCancellations,
        int sameReasonCount) {

    /** Seller-caused cancellations per order; 0 without orders. */
    public double rate() {
        return orders == 0 ? 0 : (double) sellerCancellations / orders;
    }
}
