package dev.shophealth.cancellation;

import static dev.shophealth.common.SqlLists.in;

import dev.shophealth.cancellation.ShopDayCounts.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads windows from the per-day counts ({@link ShopDayCounts}): for the health reports (every metric, one shop or
 * all) and for a screening (one shop's orders and cancellations). One statement per read.
 */
@ApplicationScoped
public class ShopDayCountReader {

    @Inject
    EntityManager em;

    /** What a row of {@link #read} is. */
    public enum Part {
        /** A metric's net count per window: its days' counts less the records of the edge days outside the window. */
        COUNTED,
        /** Requests of the window approved now but decided after the date read: pending then. */
        LATE_APPROVED,
        /** Requests of the window rejected now but decided after the date read: pending then. */
        LATE_OTHER
    }

    /** Receives {@link #read}'s counts: per shop, metric (as {@link ShopDayCounts#SOURCES} names them) and window. */
    @FunctionalInterface
    public interface Sink {
        void accept(String shopId, String metric, Part part, int[] perWindow);
    }

    /**
     * The counts of one shop ({@code shopId}, or every shop when null) over three windows {@code (from[w], asOf]},
     * in one statement of three parts: the counts of every day a window touches; taken off them, the records of
     * those first and last days that lie outside the window (before its start, after {@code asOf}); and the requests
     * decided after {@code asOf}. The sums equal a count from the raw records at {@code asOf}.
     */
    public void read(String shopId, Instant asOf, Instant[] from, Sink sink) {
        read(shopId == null ? COUNTED_ALL : COUNTED_ONE, shopId, asOf, from, sink);
    }

    /** {@link #read} of one shop's orders and cancellations only, for a screening. */
    public void readForScreening(String shopId, Instant asOf, Instant[] from, Sink sink) {
        read(SCREENING_ONE, shopId, asOf, from, sink);
    }

    private void read(String statement, String shopId, Instant asOf, Instant[] from, Sink sink) {
        int last = ShopDayCounts.day(asOf);
        jakarta.persistence.Query q = em.createNativeQuery(statement)
                .setParameter("asOf", asOf).setParameter("dA", last).setParameter("eA", ShopDayCounts.start(last + 1));
        for (int w = 0; w < 3; w++) {
            int first = ShopDayCounts.day(from[w]);
            q.setParameter("t" + w, from[w]).setParameter("d" + w, first).setParameter("e" + w, ShopDayCounts.start(first));
        }
        if (shopId != null) {
            q.setParameter("shop", shopId);
        }
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            String shop = (String) r[0];
            String metric = ((String) r[1]).strip();
            int[] v = {num(r[3]), num(r[4]), num(r[5])};
            switch (((String) r[2]).strip()) {
                case "days" -> sink.accept(shop, metric, Part.COUNTED, v);
                // an edge's records, counted in a window's first or last day but outside it
                case "e0" -> sink.accept(shop, metric, Part.COUNTED, new int[] {-v[0], 0, 0});
                case "e1" -> sink.accept(shop, metric, Part.COUNTED, new int[] {0, -v[0], 0});
                case "e2" -> sink.accept(shop, metric, Part.COUNTED, new int[] {0, 0, -v[0]});
                case "eA" -> sink.accept(shop, metric, Part.COUNTED, new int[] {-v[0], -v[0], -v[0]});
                case "lateApproved" -> sink.accept(shop, metric, Part.LATE_APPROVED, v);
                case "lateOther" -> sink.accept(shop, metric, Part.LATE_OTHER, v);
                default -> throw new IllegalStateException("Unknown part " + r[2]);
            }
        }
    }

    private static int num(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    /** The statements of {@link #read}: one shop or all, every kind or a screening's two. */
    private static final String COUNTED_ONE = counted(true, List.of(Kind.values()));
    private static final String COUNTED_ALL = counted(false, List.of(Kind.values()));
    private static final String SCREENING_ONE = counted(true, List.of(Kind.ORDERS, Kind.CANCELLATIONS));

    /**
     * {@code select shop, metric, part, v0, v1, v2}: the part {@code days} sums the counts of the days from each
     * window's first ({@code :d0..:d2}) to {@code asOf}'s ({@code :dA}); {@code e0..e2} count the records of a
     * window's first day up to its start ({@code :e<w>} to {@code :t<w>}), {@code eA} those of the last day after
     * {@code asOf}; {@code lateApproved}/{@code lateOther} the requests of the longest window decided after
     * {@code asOf}, per window.
     */
    private static String counted(boolean oneShop, List<Kind> kinds) {
        List<ShopDayCounts.Source> sources = ShopDayCounts.SOURCES.stream().filter(s -> kinds.contains(s.kind()))
                .toList();
        String owns = kinds.size() == Kind.values().length ? ""
                : sources.stream().map(ShopDayCounts.Source::owns).distinct()
                        .collect(Collectors.joining(" or ", " and (", ")"));
        List<String> parts = new ArrayList<>();
        parts.add("select shop_id, metric, cast('days' as varchar(16)) as part, "
                + "sum(case when day_no >= :d0 then n else 0 end), sum(case when day_no >= :d1 then n else 0 end), "
                + "sum(case when day_no >= :d2 then n else 0 end) from shop_day_count where day_no >= :d2 and day_no <= :dA"
                + (oneShop ? " and shop_id = :shop" : "") + owns + " group by shop_id, metric");
        for (ShopDayCounts.Source s : sources) {
            String shop = oneShop ? " and " + s.shop() + " = :shop" : "";
            for (int w = 0; w < 3; w++) {
                parts.add(edge(s, "e" + w, s.time() + " >= :e" + w + " and " + s.time() + " <= :t" + w + shop));
            }
            parts.add(edge(s, "eA", s.time() + " > :asOf and " + s.time() + " < :eA" + shop));
        }
        // found by the time of their decision alone (an index on it, with the shop's first): the window's bounds are
        // in the sums. With them in the condition, a planner without fresh statistics chose the shop's index by the
        // time of submission and read every request of the window to find the few decided since
        String late = "c.decided_at > :asOf" + (oneShop ? " and c.shop_id = :shop" : "");
        ShopDayCounts.Source pending = ShopDayCounts.SOURCES.stream()
                .filter(s -> s.kind() == Kind.CANCELLATIONS).findFirst().orElseThrow();
        parts.add("select shop_id, metric, cast(case when status in " + in(ShopDayCounts.APPROVED) + " then 'lateApproved' "
                + "else 'lateOther' end as varchar(16)), sum(case when t > :t0 and t <= :asOf then 1 else 0 end), "
                + "sum(case when t > :t1 and t <= :asOf then 1 else 0 end), "
                + "sum(case when t > :t2 and t <= :asOf then 1 else 0 end) from (select c.shop_id as shop_id, c.status as status, "
                + "c.submitted_at as t, cast(" + pending.metric() + " as varchar(64)) as metric from " + pending.from()
                + " where " + late + ") x group by shop_id, metric, status");
        return String.join(" union all ", parts);
    }

    /** The records of a source in one edge range, by shop and metric. */
    private static String edge(ShopDayCounts.Source s, String part, String range) {
        return "select shop_id, metric, cast('" + part + "' as varchar(16)), count(*), 0, 0 from (" + s.select(range)
                + ") x group by shop_id, metric";
    }
}
