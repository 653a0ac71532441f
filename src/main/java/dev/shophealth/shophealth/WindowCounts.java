package dev.shophealth.shophealth;

import dev.shophealth.fact.ShopWindowFact;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One shop's counts per metric and window, as the reads of {@link MetricsQueries} and {@link RawMetrics} add them up. */
final class WindowCounts {

    private static final java.util.Set<String> REASONS = java.util.Arrays.stream(
            dev.shophealth.cancellation.CancellationReason.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private final Map<String, int[]> byMetric = new HashMap<>();
    /** When a read with time bounds gave them: the first instant the facts differ without a write. */
    Instant until;

    WindowCounts(Instant until) {
        this.until = until;
    }

    /** Adds to a metric: approved cancellations come by reason, and each reason adds to the total too. */
    void add(String metric, int[] perWindow) {
        byMetric.merge(metric, perWindow, WindowCounts::sum);
        if (REASONS.contains(metric)) {
            byMetric.merge("cancellations", perWindow.clone(), WindowCounts::sum);
        }
    }

    /**
     * Adds the per-day counts of a metric as {@link ShopDayCounts} keys them: a request's class
     * ({@code c|A|reason|S|contact}) gives its reason, and with it whether it was compensated or made without
     * contact; force majeure ({@code F}) is a disruption, never the seller's; a pending one ({@code P}) is pending.
     */
    void counted(String metric, int[] perWindow) {
        dev.shophealth.cancellation.CancellationClass k = dev.shophealth.cancellation.CancellationClass.of(metric);
        if (k == null) {
            add(metric, perWindow);
        } else if (k.pending()) {
            add("pending", perWindow);
        } else if (k.forceMajeure()) {
            add("disruption", perWindow);
        } else {
            add(k.reason(), perWindow);
            if (k.compensated()) {
                add("compensated", perWindow);
            } else if (k.withoutContact()) {
                add("withoutContact", perWindow);
            }
        }
    }

    private static int[] sum(int[] a, int[] b) {
        return new int[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    int get(String metric, int window) {
        int[] values = byMetric.get(metric);
        return values == null ? 0 : values[window];
    }

    List<ShopWindowFact> facts(HealthWindows lengths) {
        return java.util.stream.IntStream.range(0, lengths.size()).mapToObj(w -> new ShopWindowFact(
                HealthWindows.WINDOWS.get(w), lengths.days(w), get("orders", w), get("cancellations", w),
                get("OUT_OF_STOCK", w), get("QUALITY_ISSUE", w), get("LOGISTICS_EXCEPTION", w), get("OTHER", w),
                get("withoutContact", w), get("pending", w), get("complaints", w), get("reviews", w),
                get("negative", w), get("failedInspections", w), get("incidents", w), get("disruption", w),
                get("compensated", w))).toList();
    }
}
