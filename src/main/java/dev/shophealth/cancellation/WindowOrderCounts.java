package dev.shophealth.cancellation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Orders a shop placed in a rolling window, the one costly count of a screening (a large shop has tens of
 * thousands of orders in a window). A count is reused for screenings of the same shop whose time is within
 * {@link #REUSE} of the one it was taken at: over a 7- or 30-day window that moves the rate by a negligible
 * amount, and it turns one index scan per request into one per shop every few seconds. Cancellation counts,
 * which decide the rate, are always exact.
 */
@ApplicationScoped
public class WindowOrderCounts {

    static final Duration REUSE = Duration.ofSeconds(10);
    static final int MAX_ENTRIES = 50_000;

    private record Key(String shopId, int days) {
    }

    private record Count(Instant at, long orders) {
    }

    @Inject
    EntityManager em;

    private final ConcurrentHashMap<Key, Count> counts = new ConcurrentHashMap<>();

    long orders(String shopId, int days, Instant now) {
        Key key = new Key(shopId, days);
        Count cached = counts.get(key);
        if (cached != null && Duration.between(cached.at(), now).abs().compareTo(REUSE) <= 0) {
            return cached.orders();
        }
        long orders = em.createQuery("select count(o) from ShopOrder o where o.shopId = ?1 and o.placedAt > ?2 "
                + "and o.placedAt <= ?3", Long.class).setParameter(1, shopId)
                .setParameter(2, now.minus(Duration.ofDays(days))).setParameter(3, now).getSingleResult();
        if (counts.size() >= MAX_ENTRIES) {
            counts.clear();
        }
        counts.put(key, new Count(now, orders));
        return orders;
    }
}
