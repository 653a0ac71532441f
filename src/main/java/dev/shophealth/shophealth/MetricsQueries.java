package dev.shophealth.shophealth;

import dev.shophealth.cancellation.ShopDayCountReader;
import dev.shophealth.cancellation.ShopDayCounts;
import dev.shophealth.fact.ShopWindowFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every shop-health metric over the three windows ({@link HealthWindows}, lengths from the deciding ruleset's
 * parameters), read from the per-day counts ({@link ShopDayCountReader}) in one statement: with a shop id that shop's,
 * without, every shop's (for the ranked list and backtests). {@link RawMetrics} counts the same from the raw records.
 */
@ApplicationScoped
public class MetricsQueries {

    @Inject
    ShopDayCountReader dayCounts;

    /**
     * Window facts by shop id, as of {@code asOf}, over {@code lengths}; {@code shopId} null means every shop with
     * activity. Read from the per-day counts ({@link ShopDayCounts}) in one statement of three parts: the counts of
     * every day a window touches; taken off them, the records of those first and last days that lie outside the
     * window (before its start, after {@code asOf}); and the requests decided after {@code asOf}, which were still
     * pending then. The result equals {@link RawMetrics#rawWindows} (MetricsSeriesTest, ShopDayCountsTest).
     */
    public Map<String, List<ShopWindowFact>> windows(String shopId, Instant asOf, HealthWindows lengths) {
        Map<String, List<ShopWindowFact>> facts = new HashMap<>();
        read(shopId, null, asOf, lengths, false).forEach((id, c) -> facts.put(id, c.facts(lengths)));
        return facts;
    }

    /**
     * A shop's window facts at a date, and the first instant after it at which they differ with no write to the
     * shop's records: time alone moves a record across a window's edge then, or the date's day ends.
     */
    public record Timed(List<ShopWindowFact> facts, Instant until) {
    }

    /**
     * {@link #windows}, each shop's with the instant until which its facts hold without a write ({@link Timed}); a
     * shop without activity holds until the end of the day of {@code asOf}.
     */
    public Map<String, Timed> timedWindows(String shopId, Instant asOf, HealthWindows lengths) {
        return timed(read(shopId, null, asOf, lengths, true), lengths);
    }

    /** {@link #timedWindows} of the shops named, in one statement. */
    public Map<String, Timed> timedWindows(java.util.Collection<String> shopIds, Instant asOf, HealthWindows lengths) {
        return timed(read(null, shopIds, asOf, lengths, true), lengths);
    }

    private static Map<String, Timed> timed(Map<String, WindowCounts> byShop, HealthWindows lengths) {
        Map<String, Timed> timed = new HashMap<>();
        byShop.forEach((id, c) -> timed.put(id, new Timed(c.facts(lengths), c.until)));
        return timed;
    }

    /**
     * The last instant (exclusive) a reading at {@code asOf} can hold: a day's end. Windows are whole days long, so a
     * record of a later day than a window's first leaves it after the day of {@code asOf}, and the records after
     * {@code asOf} in its day are read.
     */
    public static Instant endOfDay(Instant asOf) {
        return ShopDayCounts.start(ShopDayCounts.day(asOf) + 1);
    }

    /** The counts of one shop ({@code shopId}), of some ({@code shopIds}) or of all (both null). */
    private Map<String, WindowCounts> read(String shopId, java.util.Collection<String> shopIds, Instant asOf,
            HealthWindows lengths, boolean until) {
        Instant[] from = {asOf.minus(Duration.ofDays(lengths.days(0))), asOf.minus(Duration.ofDays(lengths.days(1))),
                asOf.minus(Duration.ofDays(lengths.longest()))};
        Instant dayEnd = endOfDay(asOf);
        Map<String, WindowCounts> byShop = new HashMap<>();
        ShopDayCountReader.Sink sink = new ShopDayCountReader.Sink() {
            @Override
            public void accept(String shop, String metric, ShopDayCountReader.Part part, int[] v) {
                WindowCounts c = byShop.computeIfAbsent(shop, k -> new WindowCounts(dayEnd));
                switch (part) {
                    case COUNTED -> c.counted(metric, v);
                    // decided after asOf: pending then; an approved one is not yet the seller's cancellation
                    case LATE_APPROVED -> {
                        c.counted(metric, new int[] {-v[0], -v[1], -v[2]});
                        c.add("pending", v);
                    }
                    case LATE_OTHER -> c.add("pending", v);
                }
            }

            @Override
            public void changes(String shop, Instant at) {
                WindowCounts c = byShop.computeIfAbsent(shop, k -> new WindowCounts(dayEnd));
                if (at.isBefore(c.until)) {
                    c.until = at;
                }
            }
        };
        if (shopIds != null) {
            dayCounts.readUntil(shopIds, asOf, from, sink);
        } else if (until) {
            dayCounts.readUntil(shopId, asOf, from, sink);
        } else {
            dayCounts.read(shopId, asOf, from, sink);
        }
        return byShop;
    }

    /** The facts of a shop without any activity in the rating window: every count zero. */
    public static List<ShopWindowFact> empty(HealthWindows lengths) {
        return new WindowCounts(null).facts(lengths);
    }
}
