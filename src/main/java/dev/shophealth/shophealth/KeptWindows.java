package dev.shophealth.shophealth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shophealth.cancellation.ShopChanges;
import dev.shophealth.fact.ShopWindowFact;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shops' window facts kept between reads. A shop's facts change in two ways only: a write to its records, which raises
 * its number of changes in the same transaction ({@link ShopChanges}), and time, which moves a record across a
 * window's edge at an instant the read of the counts gives ({@link MetricsQueries#timedWindows}). Kept facts are
 * therefore given again while the shop's number is the one they were read at and the date lies between the date they
 * were read for and that instant; otherwise they are read anew. The number is read on every report, from the
 * database, so a write committed on any instance is seen by the next read. {@code KeptWindowsTest} holds kept facts
 * equal to a count from the raw records on each side of every edge of a sample shop.
 */
@ApplicationScoped
class KeptWindows {

    /** Bounds the shops kept; past it the least recently used are forgotten (and read again). */
    static final int MAX_KEPT = 50_000;
    /**
     * Up to this many shops whose facts do not hold are read by their ids, in one statement; more, with every shop's.
     * On the 10,000-shop set every shop's read took ~1.3 s and one shop's ~2.5 ms, under load.
     */
    static final int BY_ID = 300;

    /** One shop's facts, read at {@code changes} for {@code from}, holding until {@code until} (exclusive). */
    private record Kept(long changes, Instant from, Instant until, List<ShopWindowFact> facts) {

        boolean holds(long changesNow, Instant at) {
            return changes == changesNow && !at.isBefore(from) && at.isBefore(until);
        }
    }

    /** Facts are kept per window lengths: a ruleset with other lengths reads its own. */
    private record Key(String shopId, HealthWindows lengths) {
    }

    private final Cache<Key, Kept> kept = Caffeine.newBuilder().maximumSize(MAX_KEPT).build();

    @Inject
    MetricsQueries metrics;
    @Inject
    ShopChanges changes;

    private final Counter hits;
    private final Counter reads;

    @Inject
    KeptWindows(MeterRegistry registry) {
        this.hits = Counter.builder("shophealth_health_windows").tag("source", "kept")
                .description("Shops' window facts a health read or list needed, by where they came from").register(registry);
        this.reads = Counter.builder("shophealth_health_windows").tag("source", "read")
                .description("Shops' window facts a health read or list needed, by where they came from").register(registry);
    }

    /**
     * One shop's window facts at {@code asOf}: kept ones when they still hold for {@code changesNow}, the shop's
     * number of changes the caller read before (read after it, facts are at least as new as the number says).
     */
    List<ShopWindowFact> of(String shopId, long changesNow, Instant asOf, HealthWindows lengths) {
        Kept known = kept.getIfPresent(new Key(shopId, lengths));
        if (known != null && known.holds(changesNow, asOf)) {
            hits.increment();
            return known.facts();
        }
        reads.increment();
        return keep(shopId, lengths, changesNow, asOf, metrics.timedWindows(shopId, asOf, lengths).get(shopId));
    }

    /**
     * The window facts of each of {@code shopIds} at {@code asOf}: their numbers of changes in one statement,
     * then the facts of the shops whose kept facts do not hold, by their ids when they are few, else every shop's, in
     * one more statement.
     */
    Map<String, List<ShopWindowFact>> of(Collection<String> shopIds, Instant asOf, HealthWindows lengths) {
        ShopChanges.Numbers numbers = changes.of(shopIds);
        Map<String, List<ShopWindowFact>> facts = new HashMap<>();
        List<String> stale = new ArrayList<>();
        for (String id : shopIds) {
            Kept known = kept.getIfPresent(new Key(id, lengths));
            if (known != null && known.holds(numbers.of(id), asOf)) {
                facts.put(id, known.facts());
            } else {
                stale.add(id);
            }
        }
        hits.increment(facts.size());
        reads.increment(stale.size());
        if (stale.isEmpty()) {
            return facts;
        }
        Map<String, MetricsQueries.Timed> read = stale.size() > BY_ID ? metrics.timedWindows((String) null, asOf, lengths)
                : metrics.timedWindows(stale, asOf, lengths);
        for (String id : stale) {
            facts.put(id, keep(id, lengths, numbers.of(id), asOf, read.get(id)));
        }
        return facts;
    }

    /** Keeps what was read of a shop ({@code null}: no activity, holding until the day's end) and gives its facts. */
    private List<ShopWindowFact> keep(String shopId, HealthWindows lengths, long changesRead, Instant asOf,
            MetricsQueries.Timed read) {
        Kept fresh = read == null
                ? new Kept(changesRead, asOf, MetricsQueries.endOfDay(asOf), MetricsQueries.empty(lengths))
                : new Kept(changesRead, asOf, read.until(), read.facts());
        kept.put(new Key(shopId, lengths), fresh);
        return fresh.facts();
    }
}
