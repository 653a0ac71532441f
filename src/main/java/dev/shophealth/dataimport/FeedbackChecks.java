package dev.shophealth.dataimport;

import java.time.Instant;

/** Shared check of buyer feedback: it concerns a known order and comes after that order was placed. */
final class FeedbackChecks {

    private FeedbackChecks() {
    }

    static void orderBefore(RowParser row, ImportContext context, String orderNo, String timeField, Instant time) {
        if (orderNo == null) {
            return;
        }
        context.order(orderNo).ifPresentOrElse(order -> {
            if (time != null && time.isBefore(order.placedAt())) {
                row.fail(timeField, "must not be before the order was placed (" + order.placedAt() + ")");
            }
        }, () -> row.fail("orderNo", "no order '" + orderNo + "'"));
    }
}
