package dev.shophealth.shophealth;

import dev.shophealth.cancellation.CancellationStatus;
import dev.shophealth.fact.ShopWindowFact;
import dev.shophealth.order.InspectionResult;
import dev.shophealth.order.LogisticsKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every shop-health metric by aggregate queries, grouped by shop: one query per record kind counts all three
 * windows ({@link HealthWindows}, lengths from the deciding ruleset's parameters) at once with conditional sums. With a shop id it reads that shop only; without, every shop (for the
 * cross-shop list). Nothing is loaded row by row.
 */
@ApplicationScoped
public class MetricsQueries {

    /** Approved seller cancellations are these statuses, decided by the report date. */
    static final List<CancellationStatus> APPROVED = List.of(CancellationStatus.AUTO_APPROVED,
            CancellationStatus.APPROVED);
    static final List<LogisticsKind> INCIDENTS = List.of(LogisticsKind.DELAY, LogisticsKind.LOST, LogisticsKind.DAMAGED);

    @Inject
    EntityManager em;

    /**
     * Window facts by shop id, as of {@code asOf}, over {@code lengths}; {@code shopId} null means every shop with
     * activity.
     */
    public Map<String, List<ShopWindowFact>> windows(String shopId, Instant asOf, HealthWindows lengths) {
        Query counts = new Query(lengths);
        String shop = shopId == null ? "" : " and o.shopId = :shop";
        add(counts, "orders", sums("o.placedAt", "1") + " from ShopOrder o where o.placedAt > :t90 and o.placedAt <= :asOf"
                + shop + " group by o.shopId", shopId, asOf, null);
        cancellations(counts, shopId, asOf);
        add(counts, "pending", sums("o.submittedAt", "1") + " from Cancellation o where o.submittedAt > :t90 "
                + "and o.submittedAt <= :asOf and (o.decidedAt is null or o.decidedAt > :asOf)" + shop
                + " group by o.shopId", shopId, asOf, null);
        add(counts, "complaints", sums("c.complainedAt", "1") + " from Complaint c join ShopOrder o on o.orderNo = c.orderNo "
                + "where c.complainedAt > :t90 and c.complainedAt <= :asOf" + shop + " group by o.shopId", shopId, asOf, null);
        add(counts, "reviews", sums("r.reviewedAt", "1") + " from Review r join ShopOrder o on o.orderNo = r.orderNo "
                + "where r.reviewedAt > :t90 and r.reviewedAt <= :asOf" + shop + " group by o.shopId", shopId, asOf, null);
        add(counts, "negative", sums("r.reviewedAt", "1") + " from Review r join ShopOrder o on o.orderNo = r.orderNo "
                + "where r.stars <= 2 and r.reviewedAt > :t90 and r.reviewedAt <= :asOf" + shop + " group by o.shopId",
                shopId, asOf, null);
        add(counts, "failedInspections", sums("i.inspectedAt", "1") + " from QualityInspection i join Product o "
                + "on o.sku = i.sku where i.result = :fail and i.inspectedAt > :t90 and i.inspectedAt <= :asOf" + shop
                + " group by o.shopId", shopId, asOf, Map.of("fail", InspectionResult.FAIL));
        add(counts, "incidents", sums("e.occurredAt", "1") + " from LogisticsEvent e join ShopOrder o "
                + "on o.orderNo = e.orderNo where e.kind in :kinds and e.occurredAt > :t90 and e.occurredAt <= :asOf"
                + shop + " group by o.shopId", shopId, asOf, Map.of("kinds", INCIDENTS));
        Map<String, List<ShopWindowFact>> facts = new HashMap<>();
        counts.byShop.forEach((id, c) -> facts.put(id, c.facts(lengths)));
        return facts;
    }

    private void cancellations(Query counts, String shopId, Instant asOf) {
        String shop = shopId == null ? "" : " and o.shopId = :shop";
        String approved = " from Cancellation o left join BuyerContact b on b.requestId = o.id where o.status in :approved "
                + "and o.decidedAt <= :asOf and o.submittedAt > :t90 and o.submittedAt <= :asOf" + shop;
        // force majeure (a confirmed regional disruption) is counted apart, never as the seller's fault
        String from = approved + " and o.forceMajeure = false";
        add(counts, "disruption", sums("o.submittedAt", "1") + approved + " and o.forceMajeure = true group by o.shopId",
                shopId, asOf, Map.of("approved", APPROVED));
        add(counts, "compensated", sums("o.submittedAt", "case when b.compensationType is not null then 1 else 0 end")
                + from + " group by o.shopId", shopId, asOf, Map.of("approved", APPROVED));
        add(counts, "cancellations", sums("o.submittedAt", "1") + from + " group by o.shopId", shopId, asOf,
                Map.of("approved", APPROVED));
        add(counts, "withoutContact", sums("o.submittedAt", "case when b.requestId is null then 1 else 0 end") + from
                + " group by o.shopId", shopId, asOf, Map.of("approved", APPROVED));
        for (var reason : dev.shophealth.cancellation.CancellationReason.values()) {
            add(counts, reason.name(), sums("o.submittedAt", "1") + from + " and o.reason = :reason group by o.shopId",
                    shopId, asOf, Map.of("approved", APPROVED, "reason", reason));
        }
    }

    /**
     * {@code select o.shopId, <short sum>, <long sum>, <rating sum>} of {@code value} by the time column; the query
     * itself keeps to the rating window ({@code :t90}, the longest).
     */
    private static String sums(String time, String value) {
        return "select o.shopId, sum(case when " + time + " > :t7 then " + value + " else 0 end), "
                + "sum(case when " + time + " > :t30 then " + value + " else 0 end), sum(" + value + ")";
    }

    /** The counts of one call, and the window lengths they are counted over. */
    private record Query(HealthWindows lengths, Map<String, Counts> byShop) {
        Query(HealthWindows lengths) {
            this(lengths, new HashMap<>());
        }
    }

    private void add(Query counts, String metric, String jpql, String shopId, Instant asOf,
            Map<String, Object> extra) {
        HealthWindows w = counts.lengths();
        TypedQuery<Object[]> q = em.createQuery(jpql, Object[].class)
                .setParameter("t7", asOf.minus(Duration.ofDays(w.days(0))))
                .setParameter("t30", asOf.minus(Duration.ofDays(w.days(1))))
                .setParameter("t90", asOf.minus(Duration.ofDays(w.longest())))
                .setParameter("asOf", asOf);
        if (shopId != null) {
            q.setParameter("shop", shopId);
        }
        if (extra != null) {
            extra.forEach(q::setParameter);
        }
        for (Object[] row : q.getResultList()) {
            Counts c = counts.byShop().computeIfAbsent((String) row[0], k -> new Counts());
            c.put(metric, new int[] {num(row[1]), num(row[2]), num(row[3])});
        }
    }

    private static int num(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    /** One shop's counts per metric and window. */
    static final class Counts {
        private final Map<String, int[]> byMetric = new HashMap<>();

        void put(String metric, int[] perWindow) {
            byMetric.put(metric, perWindow);
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

    /** The facts of a shop without any activity in the rating window: every count zero. */
    public static List<ShopWindowFact> empty(HealthWindows lengths) {
        return new Counts().facts(lengths);
    }
}
