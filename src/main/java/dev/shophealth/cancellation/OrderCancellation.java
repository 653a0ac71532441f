package dev.shophealth.cancellation;

import dev.shophealth.common.ProblemException;
import dev.shophealth.order.OrderStatus;
import dev.shophealth.order.ShopOrder;
import java.time.Instant;

/** What approving a request does to its order, whoever approves it: the rules at intake or a reviewer. */
final class OrderCancellation {

    private OrderCancellation() {
    }

    /** 409 unless the order can still be cancelled and has no request waiting for review. */
    static void checkCancellable(ShopOrder order) {
        if (order.status == OrderStatus.CANCELLED || order.status == OrderStatus.DELIVERED) {
            throw ProblemException.conflict("Order " + order.orderNo + " is " + order.status + " and cannot be cancelled");
        }
        if (Cancellation.count("openOrderNo", order.orderNo) > 0) {
            throw ProblemException.conflict("Order " + order.orderNo + " has a cancellation request waiting for review");
        }
    }

    /** The order is cancelled and its amount refunded to the buyer's payment account. */
    static void cancel(ShopOrder order, Cancellation c, Instant now) {
        order.status = OrderStatus.CANCELLED;
        Refund refund = new Refund();
        refund.requestId = c.id;
        refund.orderNo = order.orderNo;
        refund.buyerId = order.buyerId;
        refund.amount = order.amount;
        refund.destination = Refund.BUYER_PAYMENT_ACCOUNT;
        refund.refundedAt = now;
        refund.persist();
    }
}
