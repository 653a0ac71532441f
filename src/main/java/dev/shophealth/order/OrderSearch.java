package dev.shophealth.order;

import java.time.Instant;

/** Criteria of the order lookup (seed step 1: by order number, order time or product name); nulls match all. */
public record OrderSearch(String shopId, String orderNo, Instant from, Instant to, String product, OrderStatus status,
        int page, int size) {
}
