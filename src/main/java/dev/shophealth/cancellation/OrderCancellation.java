package dev.shophealth.cancellation;

import dev.shophealth.common.FieldError;
import dev.shophealth.common.ProblemException;
import dev.shophealth.order.OrderStatus;
import dev.shophealth.order.ShopOrder;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

/**
 * What approving a request does to its order, whoever approves it: the rules at intake or a reviewer. The request
 * that waits for review or is approved claims its order ({@link Cancellation#claimedOrderNo}, unique in the
 * database); only the claiming request may cancel and refund it.
 */
final class OrderCancellation {

    private OrderCancellation() {
    }

    /**
     * The order, its row locked until the transaction ends, or null. Requests for one order are thus screened one
     * after another: a second one sees what the first stored (its claim, or the same Idempotency-Key) instead of
     * racing it to the database's constraints.
     */
    static ShopOrder lock(String orderNo) {
        return ShopOrder.findById(orderNo, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * {@link #lock}, of an order of one of {@code shops} only ({@code null}: any shop); null when there is none. The
     * shop is a condition of the locking statement, so an order another shop owns is neither found nor locked.
     */
    static ShopOrder lock(String orderNo, java.util.Set<String> shops) {
        if (shops == null) {
            return lock(orderNo);
        }
        if (shops.isEmpty()) {
            return null;
        }
        return ShopOrder.<ShopOrder>find("orderNo = ?1 and shopId in ?2", orderNo, shops)
                .withLock(LockModeType.PESSIMISTIC_WRITE).singleResultOptional().orElse(null);
    }

    /**
     * The longest a request waits for a row another transaction holds, before it answers 409 (retry later):
     * PostgreSQL waits for ever by default (a stuck transaction would hang every request for its order), so each
     * connection sets {@code lock_timeout} to this when the pool opens it ({@code shophealth.connection-sql} in
     * application.properties); H2 gives up after its own lock timeout (2 s) already.
     */
    static final int LOCK_WAIT_SECONDS = 10;

    /** 409 unless the order can still be cancelled and no request but {@code requestId} (may be null) claims it. */
    static void checkCancellable(ShopOrder order, String requestId) {
        Cancellation holder = Cancellation.find("claimedOrderNo", order.orderNo).firstResult();
        if (holder != null && !holder.id.equals(requestId)) {
            throw claimedBy(holder);
        }
        if (order.status == OrderStatus.CANCELLED || order.status == OrderStatus.DELIVERED) {
            throw ProblemException.conflict("Order " + order.orderNo + " is " + order.status + " and cannot be cancelled");
        }
    }

    /** The order is cancelled and its amount refunded to the buyer's payment account. */
    static Refund cancel(ShopOrder order, Cancellation c, Instant now) {
        order.status = OrderStatus.CANCELLED;
        Refund refund = new Refund();
        refund.requestId = c.id;
        refund.orderNo = order.orderNo;
        refund.buyerId = order.buyerId;
        refund.amount = order.amount;
        refund.destination = Refund.BUYER_PAYMENT_ACCOUNT;
        refund.refundedAt = now;
        refund.persist();
        return refund;
    }

    /** 409 naming the request that holds the order, so a client can look at the one that won. */
    private static ProblemException claimedBy(Cancellation holder) {
        String detail = holder.status == CancellationStatus.PENDING_REVIEW
                ? "Order " + holder.orderNo + " has cancellation request " + holder.id + " waiting for review"
                : "Order " + holder.orderNo + " was cancelled by request " + holder.id + " (" + holder.status + ")";
        return new ProblemException(409, "Conflict", detail,
                List.of(new FieldError("orderNo", "claimed by request " + holder.id + " (" + holder.status + ")")));
    }
}
