package dev.shophealth.shophealth;

import static dev.shophealth.common.SqlLists.in;

import dev.shophealth.cancellation.CancellationStatus;
import dev.shophealth.fact.ShopWindowFact;
import dev.shophealth.order.InspectionResult;
import dev.shophealth.order.LogisticsKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every shop-health metric counted from the raw records, by aggregate queries grouped by shop: one SQL statement
 * counts every record kind over all three windows ({@link HealthWindows}) at once, a {@code union all} of one
 * conditional-sum aggregate per kind. It checks the per-day counts {@link MetricsQueries} reads (the two must be
 * equal), and reads a shop's trend, whose dates a table of the statement joins. It was the reports' own read before
 * the per-day counts (and one HQL query per kind before that; see BENCHMARKS.md).
 */
@ApplicationScoped
public class RawMetrics {

    /** Approved seller cancellations are these statuses, decided by the report date. */
    static final List<CancellationStatus> APPROVED = List.of(CancellationStatus.AUTO_APPROVED,
            CancellationStatus.APPROVED);
    static final List<LogisticsKind> INCIDENTS = List.of(LogisticsKind.DELAY, LogisticsKind.LOST, LogisticsKind.DAMAGED);

    /** The statement for one shop and for every shop; built once, from constants only. */
    private static final String ONE_SHOP = statement(true);
    private static final String ALL_SHOPS = statement(false);
    /** One shop's windows at several dates in one statement, by number of dates (a trend has a few sizes). */
    private static final Map<Integer, String> SERIES = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    /** {@link MetricsQueries#windows} counted from the raw records, as the per-day counts replace (and check them). */
    public Map<String, List<ShopWindowFact>> rawWindows(String shopId, Instant asOf, HealthWindows lengths) {
        Query q = em.createNativeQuery(shopId == null ? ALL_SHOPS : ONE_SHOP)
                .setParameter("t7", asOf.minus(Duration.ofDays(lengths.days(0))))
                .setParameter("t30", asOf.minus(Duration.ofDays(lengths.days(1))))
                .setParameter("t90", asOf.minus(Duration.ofDays(lengths.longest())))
                .setParameter("asOf", asOf);
        if (shopId != null) {
            q.setParameter("shop", shopId);
        }
        Map<String, WindowCounts> byShop = new HashMap<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            WindowCounts c = byShop.computeIfAbsent((String) r[0], k -> new WindowCounts(null));
            c.add(((String) r[1]).strip(), new int[] {num(r[2]), num(r[3]), num(r[4])});
        }
        Map<String, List<ShopWindowFact>> facts = new HashMap<>();
        byShop.forEach((id, c) -> facts.put(id, c.facts(lengths)));
        return facts;
    }

    /**
     * One shop's window facts at each of {@code dates} (in that order), as {@link MetricsQueries#windows} gives them for one date,
     * in one statement: the dates are a table the records join by time, so the shop's records are read once for all
     * of them instead of once per date (a 90-day trend's 31 points were 31 statements).
     */
    public List<List<ShopWindowFact>> series(String shopId, List<Instant> dates, HealthWindows lengths) {
        if (dates.isEmpty()) {
            return List.of();
        }
        Query q = em.createNativeQuery(SERIES.computeIfAbsent(dates.size(), RawMetrics::seriesStatement))
                .setParameter("shop", shopId);
        for (int i = 0; i < dates.size(); i++) {
            Instant at = dates.get(i);
            q.setParameter("a" + i, at).setParameter("s" + i, at.minus(Duration.ofDays(lengths.days(0))))
                    .setParameter("m" + i, at.minus(Duration.ofDays(lengths.days(1))))
                    .setParameter("l" + i, at.minus(Duration.ofDays(lengths.longest())));
        }
        WindowCounts[] byDate = new WindowCounts[dates.size()];
        java.util.Arrays.setAll(byDate, i -> new WindowCounts(null));
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            byDate[num(r[0])].add(((String) r[1]).strip(), new int[] {num(r[2]), num(r[3]), num(r[4])});
        }
        return java.util.Arrays.stream(byDate).map(c -> c.facts(lengths)).toList();
    }

    /**
     * The one-shop statement over a table of dates {@code d(i, as_of, t7, t30, t90)}: each part joins it by the
     * record's time, groups by the date's index, and reads the bounds from it instead of from parameters.
     */
    private static String seriesStatement(int dates) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < dates; i++) {
            values.append(i == 0 ? "" : ", ").append("(").append(i);
            for (String p : List.of("a", "s", "m", "l")) {
                values.append(", cast(:").append(p).append(i).append(" as timestamp with time zone)");
            }
            values.append(")");
        }
        String body = statement(true);
        // every part of the one-shop statement ends "... where <conditions> and <alias>.shop_id = :shop group by
        // <alias>.shop_id": the dates join before the conditions and replace the shop as the group
        body = body.replaceAll("select (\\w+)\\.shop_id, ", "select d.i, ")
                .replaceAll(" group by (\\w+)\\.shop_id", " group by d.i")
                .replace(" where ", ", d where ")
                .replace(":t7", "d.t7").replace(":t30", "d.t30").replace(":t90", "d.t90").replace(":asOf", "d.as_of");
        return "with d(i, as_of, t7, t30, t90) as (values " + values + ") " + body;
    }

    /**
     * {@code select shop, metric, <short sum>, <long sum>, <rating sum>} per record kind, glued by {@code union all};
     * each part keeps to the rating window ({@code :t90}, the longest) and to {@code :asOf}. Approved seller
     * cancellations are counted by reason (their total is the sum), force majeure (a confirmed regional disruption)
     * apart, never as the seller's fault.
     */
    private static String statement(boolean oneShop) {
        String approved = "c.status in " + in(APPROVED) + " and c.decided_at <= :asOf"
                + " and c.submitted_at > :t90 and c.submitted_at <= :asOf";
        String cancellations = "cancellation_request c left join buyer_contact b on b.request_id = c.id where "
                + approved + " and c.force_majeure = false";
        return String.join(" union all ",
                part("o", "'orders'", "o.placed_at", "1", "shop_order o where o.placed_at > :t90 and o.placed_at <= :asOf",
                        oneShop),
                part("c", "c.reason", "c.submitted_at", "1", cancellations, oneShop) + ", c.reason",
                part("c", "'compensated'", "c.submitted_at", "case when b.compensation_type is not null then 1 else 0 end",
                        cancellations, oneShop),
                part("c", "'withoutContact'", "c.submitted_at", "case when b.request_id is null then 1 else 0 end",
                        cancellations, oneShop),
                part("c", "'disruption'", "c.submitted_at", "1",
                        "cancellation_request c where " + approved + " and c.force_majeure = true", oneShop),
                part("c", "'pending'", "c.submitted_at", "1", "cancellation_request c where c.submitted_at > :t90 "
                        + "and c.submitted_at <= :asOf and (c.decided_at is null or c.decided_at > :asOf)", oneShop),
                part("o", "'complaints'", "x.complained_at", "1", "complaint x join shop_order o on o.order_no = x.order_no "
                        + "where x.complained_at > :t90 and x.complained_at <= :asOf", oneShop),
                part("o", "'reviews'", "x.reviewed_at", "1", "review x join shop_order o on o.order_no = x.order_no "
                        + "where x.reviewed_at > :t90 and x.reviewed_at <= :asOf", oneShop),
                part("o", "'negative'", "x.reviewed_at", "1", "review x join shop_order o on o.order_no = x.order_no "
                        + "where x.stars <= 2 and x.reviewed_at > :t90 and x.reviewed_at <= :asOf", oneShop),
                part("o", "'failedInspections'", "x.inspected_at", "1", "quality_inspection x join product o on o.sku = x.sku "
                        + "where x.result = '" + InspectionResult.FAIL.name() + "' and x.inspected_at > :t90 "
                        + "and x.inspected_at <= :asOf", oneShop),
                part("o", "'incidents'", "x.occurred_at", "1", "logistics_event x join shop_order o on o.order_no = x.order_no "
                        + "where x.kind in " + in(INCIDENTS) + " and x.occurred_at > :t90 and x.occurred_at <= :asOf",
                        oneShop));
    }

    /** One kind's aggregate: {@code shop} is the alias whose {@code shop_id} groups it. */
    private static String part(String shop, String metric, String time, String value, String from, boolean oneShop) {
        return "select " + shop + ".shop_id, cast(" + metric + " as varchar(32)), "
                + "sum(case when " + time + " > :t7 then " + value + " else 0 end), "
                + "sum(case when " + time + " > :t30 then " + value + " else 0 end), sum(" + value + ") from " + from
                + (oneShop ? " and " + shop + ".shop_id = :shop" : "") + " group by " + shop + ".shop_id";
    }

    private static int num(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
