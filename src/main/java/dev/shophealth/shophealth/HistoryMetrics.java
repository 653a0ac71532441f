package dev.shophealth.shophealth;

import dev.shophealth.fact.ShopWindowFact;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The window facts of a posted history, counted exactly as {@link RawMetrics} counts stored data (a test
 * holds the two together): each record counts in every window whose start it is after, up to the report date.
 */
final class HistoryMetrics {

    private final Instant asOf;
    private final HealthWindows lengths;
    private final int[][] counts;

    private enum Metric {
        ORDERS, CANCELLATIONS, OUT_OF_STOCK, QUALITY_ISSUE, LOGISTICS_EXCEPTION, OTHER, WITHOUT_CONTACT, PENDING,
        COMPLAINTS, REVIEWS, NEGATIVE, FAILED_INSPECTIONS, INCIDENTS, DISRUPTION, COMPENSATED
    }

    private HistoryMetrics(Instant asOf, HealthWindows lengths) {
        this.asOf = asOf;
        this.lengths = lengths;
        this.counts = new int[Metric.values().length][lengths.size()];
    }

    /** The history's window facts over {@code lengths}; the history must have been validated. */
    static List<ShopWindowFact> windows(HistoryRequest h, HealthWindows lengths) {
        HistoryMetrics m = new HistoryMetrics(h.asOf().toInstant(), lengths);
        each(h.orders()).forEach(o -> m.count(Metric.ORDERS, o.placedAt()));
        Set<String> contacted = new HashSet<>();
        Set<String> compensated = new HashSet<>();
        each(h.buyerContacts()).forEach(c -> contacted.add(c.orderNo()));
        each(h.buyerContacts()).stream().filter(c -> c.compensationType() != null)
                .forEach(c -> compensated.add(c.orderNo()));
        for (var r : each(h.cancellationRequests())) {
            boolean decided = r.decidedAt() != null && !r.decidedAt().toInstant().isAfter(m.asOf);
            boolean approved = RawMetrics.APPROVED.contains(r.status()) && decided;
            if (approved && Boolean.TRUE.equals(r.forceMajeure())) {
                m.count(Metric.DISRUPTION, r.submittedAt());
            } else if (approved) {
                m.count(Metric.CANCELLATIONS, r.submittedAt());
                m.count(Metric.valueOf(r.reason().name()), r.submittedAt());
                if (!contacted.contains(r.orderNo())) {
                    m.count(Metric.WITHOUT_CONTACT, r.submittedAt());
                }
                if (compensated.contains(r.orderNo())) {
                    m.count(Metric.COMPENSATED, r.submittedAt());
                }
            }
            if (!decided) {
                m.count(Metric.PENDING, r.submittedAt());
            }
        }
        each(h.complaints()).forEach(c -> m.count(Metric.COMPLAINTS, c.complainedAt()));
        for (var r : each(h.reviews())) {
            m.count(Metric.REVIEWS, r.reviewedAt());
            if (r.stars() <= 2) {
                m.count(Metric.NEGATIVE, r.reviewedAt());
            }
        }
        each(h.inspections()).stream().filter(i -> i.result() == dev.shophealth.order.InspectionResult.FAIL)
                .forEach(i -> m.count(Metric.FAILED_INSPECTIONS, i.inspectedAt()));
        each(h.logisticsEvents()).stream().filter(e -> RawMetrics.INCIDENTS.contains(e.kind()))
                .forEach(e -> m.count(Metric.INCIDENTS, e.occurredAt()));
        return m.facts();
    }

    private void count(Metric metric, OffsetDateTime at) {
        Instant t = at.toInstant();
        if (t.isAfter(asOf)) {
            return;
        }
        for (int w = 0; w < lengths.size(); w++) {
            if (t.isAfter(asOf.minus(Duration.ofDays(lengths.days(w))))) {
                counts[metric.ordinal()][w]++;
            }
        }
    }

    private List<ShopWindowFact> facts() {
        List<ShopWindowFact> facts = new ArrayList<>();
        for (int w = 0; w < lengths.size(); w++) {
            final int win = w;
            Function<Metric, Integer> at = metric -> counts[metric.ordinal()][win];
            facts.add(new ShopWindowFact(HealthWindows.WINDOWS.get(w), lengths.days(w), at.apply(Metric.ORDERS),
                    at.apply(Metric.CANCELLATIONS), at.apply(Metric.OUT_OF_STOCK), at.apply(Metric.QUALITY_ISSUE),
                    at.apply(Metric.LOGISTICS_EXCEPTION), at.apply(Metric.OTHER), at.apply(Metric.WITHOUT_CONTACT),
                    at.apply(Metric.PENDING), at.apply(Metric.COMPLAINTS), at.apply(Metric.REVIEWS),
                    at.apply(Metric.NEGATIVE), at.apply(Metric.FAILED_INSPECTIONS), at.apply(Metric.INCIDENTS),
                    at.apply(Metric.DISRUPTION), at.apply(Metric.COMPENSATED)));
        }
        return facts;
    }

    private static <T> List<T> each(List<T> list) {
        return list == null ? List.of() : list;
    }
}
