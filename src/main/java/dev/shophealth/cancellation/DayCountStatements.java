package dev.shophealth.cancellation;

import static dev.shophealth.common.SqlLists.in;

import dev.shophealth.cancellation.ShopDayCounts.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements {@link ShopDayCountReader} runs, built once from {@link ShopDayCounts#SOURCES}: a window's days from
 * the per-day counts, corrected at its edges from the raw records, for one shop, some or all, and (for the health
 * reads) with the first record at each edge that time will move across.
 */
final class DayCountStatements {

    private DayCountStatements() {
    }

    /** A statement for JDBC: its text with {@code ?} and the names its parameters had, in order. */
    record Statement(String sql, List<String> names) {

        static Statement of(String named) {
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(":([a-zA-Z][a-zA-Z0-9]*)").matcher(named);
            StringBuilder sql = new StringBuilder();
            while (m.find()) {
                names.add(m.group(1));
                m.appendReplacement(sql, "?");
            }
            m.appendTail(sql);
            return new Statement(sql.toString(), List.copyOf(names));
        }
    }

    /** Which shops a statement reads, as a condition on a column of their id: one, those of an array, or all. */
    private static final java.util.function.UnaryOperator<String> ONE = column -> " and " + column + " = :shop";
    private static final java.util.function.UnaryOperator<String> SOME = column -> " and " + column + " = any(:shops)";
    private static final java.util.function.UnaryOperator<String> ALL = column -> "";

    /** The statements of {@link ShopDayCountReader}: one shop, some or all; every kind or a screening's two. */
    static final Statement COUNTED_ONE = Statement.of(counted(ONE, List.of(Kind.values()), false));
    static final Statement COUNTED_ALL = Statement.of(counted(ALL, List.of(Kind.values()), false));
    static final Statement UNTIL_ONE = Statement.of(counted(ONE, List.of(Kind.values()), true));
    static final Statement UNTIL_SOME = Statement.of(counted(SOME, List.of(Kind.values()), true));
    static final Statement UNTIL_ALL = Statement.of(counted(ALL, List.of(Kind.values()), true));
    static final Statement SCREENING_ONE = Statement.of(counted(ONE, List.of(Kind.ORDERS, Kind.CANCELLATIONS),
            false));

    /**
     * {@code select shop, metric, part, v0, v1, v2, first}: the part {@code days} sums the counts of the days from each
     * window's first ({@code :d0..:d2}) to {@code asOf}'s ({@code :dA}); {@code e0..e2} count the records of a
     * window's first day up to its start ({@code :e<w>} to {@code :t<w>}), {@code eA} those of the last day after
     * {@code asOf} (and the first of them); {@code lateApproved}/{@code lateOther} the requests of the longest window
     * decided after {@code asOf}, per window (and the first decision). With {@code until}, {@code n0..n2} give the
     * first record of a window's first day after its start (to {@code :f<w>}, the next day's start).
     */
    private static String counted(java.util.function.UnaryOperator<String> shopIs, List<Kind> kinds, boolean until) {
        List<ShopDayCounts.Source> sources = ShopDayCounts.SOURCES.stream().filter(s -> kinds.contains(s.kind()))
                .toList();
        String owns = kinds.size() == Kind.values().length ? ""
                : sources.stream().map(ShopDayCounts.Source::owns).distinct()
                        .collect(Collectors.joining(" or ", " and (", ")"));
        List<String> parts = new ArrayList<>();
        parts.add("select shop_id, metric, cast('days' as varchar(16)) as part, "
                + "sum(case when day_no >= :d0 then n else 0 end), sum(case when day_no >= :d1 then n else 0 end), "
                + "sum(case when day_no >= :d2 then n else 0 end), " + NO_TIME
                + " from shop_day_count where day_no >= :d2 and day_no <= :dA"
                + shopIs.apply("shop_id") + owns + " group by shop_id, metric");
        for (ShopDayCounts.Source s : sources) {
            String shop = shopIs.apply(s.shop());
            for (int w = 0; w < 3; w++) {
                parts.add(edge(s, "e" + w, s.time() + " >= :e" + w + " and " + s.time() + " <= :t" + w + shop));
            }
            parts.add(edge(s, "eA", s.time() + " > :asOf and " + s.time() + " < :eA" + shop));
            for (int w = 0; until && w < 3; w++) {
                parts.add(edge(s, "n" + w, s.time() + " > :t" + w + " and " + s.time() + " < :f" + w + shop));
            }
        }
        // found by the time of their decision alone (an index on it, with the shop's first): the window's bounds are
        // in the sums. With them in the condition, a planner without fresh statistics chose the shop's index by the
        // time of submission and read every request of the window to find the few decided since
        String late = "c.decided_at > :asOf" + shopIs.apply("c.shop_id");
        ShopDayCounts.Source pending = ShopDayCounts.SOURCES.stream()
                .filter(s -> s.kind() == Kind.CANCELLATIONS).findFirst().orElseThrow();
        parts.add("select shop_id, metric, cast(case when status in " + in(ShopDayCounts.APPROVED)
                + " then 'lateApproved' else 'lateOther' end as varchar(16)), sum(case when t > :t0 and t <= :asOf then 1 else 0 end), "
                + "sum(case when t > :t1 and t <= :asOf then 1 else 0 end), "
                + "sum(case when t > :t2 and t <= :asOf then 1 else 0 end), min(decided) from ("
                + "select c.shop_id as shop_id, c.status as status, c.submitted_at as t, c.decided_at as decided, "
                + "cast(" + pending.metric() + " as varchar(64)) as metric from " + pending.from()
                + " where " + late + ") x group by shop_id, metric, status");
        return String.join(" union all ", parts);
    }

    /** The records of a source in one edge range, by shop and metric: how many, and the first. */
    private static String edge(ShopDayCounts.Source s, String part, String range) {
        return "select shop_id, metric, cast('" + part + "' as varchar(16)), count(*), 0, 0, min(t) from ("
                + s.select(range) + ") x group by shop_id, metric";
    }

    /** The time column of a part that has none. */
    private static final String NO_TIME = "cast(null as timestamp with time zone)";
}
