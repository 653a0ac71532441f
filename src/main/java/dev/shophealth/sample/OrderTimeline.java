package dev.shophealth.sample;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Random;

/** Status and shipping times of a generated order, as far as they have happened by the anchor time. */
record OrderTimeline(String status, OffsetDateTime shippedAt, OffsetDateTime deliveredAt, boolean lost) {

    static OrderTimeline awaiting() {
        return new OrderTimeline("AWAITING_SHIPMENT", null, null, false);
    }

    /** A parcel shipped and never delivered. */
    static OrderTimeline lost(OffsetDateTime shipped) {
        return new OrderTimeline("SHIPPED", shipped, null, true);
    }

    /** Shipped 6–30 h after placing, delivered 2–4 days (plus {@code delay}) later, unless that is still ahead. */
    static OrderTimeline of(Random random, OffsetDateTime placed, OffsetDateTime now, Duration delay) {
        OffsetDateTime shipped = placed.plusHours(6 + random.nextInt(25)).plusMinutes(random.nextInt(60));
        if (!shipped.isBefore(now)) {
            return new OrderTimeline("AWAITING_SHIPMENT", null, null, false);
        }
        OffsetDateTime delivered = shipped.plusDays(2 + random.nextInt(3)).plusHours(random.nextInt(12)).plus(delay);
        if (!delivered.isBefore(now)) {
            return new OrderTimeline("SHIPPED", shipped, null, false);
        }
        return new OrderTimeline("DELIVERED", shipped, delivered, false);
    }
}
