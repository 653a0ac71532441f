package dev.shophealth.cancellation;

import static dev.shophealth.common.SqlLists.in;

import dev.shophealth.cancellation.ShopDayCounts.Kind;
import dev.shophealth.common.DatabaseKind;
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

    @Inject
    DatabaseKind database;

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

        /**
         * With {@link #readUntil}: at {@code at}, after the date read, a record of the shop crosses an edge of a
         * window by the passing of time alone (the first to leave a window through its start, the first to enter
         * after the date read, the first request decided after it). Called zero or more times per shop; until the
         * earliest of them, and at most until the end of the date's day, the shop's counts stay as read unless a
         * write changes them ({@link ShopChanges}).
         */
        default void changes(String shopId, Instant at) {
        }
    }

    /**
     * The counts of one shop ({@code shopId}, or every shop when null) over three windows {@code (from[w], asOf]},
     * in one statement of three parts: the counts of every day a window touches; taken off them, the records of
     * those first and last days that lie outside the window (before its start, after {@code asOf}); and the requests
     * decided after {@code asOf}. The sums equal a count from the raw records at {@code asOf}.
     */
    public void read(String shopId, Instant asOf, Instant[] from, Sink sink) {
        read(shopId == null ? COUNTED_ALL : COUNTED_ONE, shopId, null, asOf, from, sink);
    }

    /**
     * {@link #read}, and for each shop the instants after {@code asOf} at which its counts change with time alone
     * ({@link Sink#changes}): the same statement with one more part per source and window, the records of the
     * window's first day after its start, of which the first is the next to leave.
     */
    public void readUntil(String shopId, Instant asOf, Instant[] from, Sink sink) {
        read(shopId == null ? UNTIL_ALL : UNTIL_ONE, shopId, null, asOf, from, sink);
    }

    /**
     * {@link #readUntil} of the shops named, in one statement that goes by each one's indexes (an array parameter):
     * for a list that needs some shops read again, cheaper than every shop's when they are a few hundred or fewer.
     */
    public void readUntil(java.util.Collection<String> shopIds, Instant asOf, Instant[] from, Sink sink) {
        read(UNTIL_SOME, null, shopIds, asOf, from, sink);
    }

    /** {@link #read} of one shop's orders and cancellations only, for a screening. */
    public void readForScreening(String shopId, Instant asOf, Instant[] from, Sink sink) {
        read(SCREENING_ONE, shopId, null, asOf, from, sink);
    }

    private void read(Statement statement, String shopId, java.util.Collection<String> shopIds, Instant asOf,
            Instant[] from, Sink sink) {
        int last = ShopDayCounts.day(asOf);
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("asOf", utc(asOf));
        values.put("dA", last);
        values.put("eA", utc(ShopDayCounts.start(last + 1)));
        for (int w = 0; w < 3; w++) {
            int first = ShopDayCounts.day(from[w]);
            values.put("t" + w, utc(from[w]));
            values.put("d" + w, first);
            values.put("e" + w, utc(ShopDayCounts.start(first)));
            values.put("f" + w, utc(ShopDayCounts.start(first + 1)));
        }
        values.put("shop", shopId);
        // on the connection Hibernate holds, so the setting below and the read share it
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            if (shopIds != null) {
                values.put("shops", connection.createArrayOf("varchar", shopIds.toArray(String[]::new)));
            }
            // PostgreSQL plans this statement of some thirty parts again at each read when it estimates a plan made
            // for the values cheaper than its kept one: on the 10,000-shop set 2.5 ms of planning for 2.3 ms of
            // running. The kept plan is good for any values (with many shops it goes by the shop's indexes, with
            // few it reads a partial day of all of them), so this read always uses it
            if (database.postgres()) {
                try (java.sql.Statement set = connection.createStatement()) {
                    set.execute("set plan_cache_mode = force_generic_plan");
                }
            }
            try (java.sql.PreparedStatement q = connection.prepareStatement(statement.sql())) {
                if (database.postgres()) {
                    // prepared on the server at its first run, not its fifth: planning the statement of every shop or
                    // of some, which a connection runs rarely, took ~150 ms each time on the 10,000-shop set
                    q.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(1);
                }
                for (int i = 0; i < statement.names().size(); i++) {
                    q.setObject(i + 1, values.get(statement.names().get(i)));
                }
                try (java.sql.ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        accept(r, asOf, from, sink);
                    }
                }
            } finally {
                if (database.postgres()) {
                    try (java.sql.Statement reset = connection.createStatement()) {
                        reset.execute("reset plan_cache_mode");
                    }
                }
            }
        });
    }

    /** An instant as both drivers bind it to a time-zoned column. */
    private static java.time.OffsetDateTime utc(Instant at) {
        return java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
    }

    private static void accept(java.sql.ResultSet r, Instant asOf, Instant[] from, Sink sink)
            throws java.sql.SQLException {
        String shop = r.getString(1);
        String metric = r.getString(2).strip();
        int[] v = {r.getInt(4), r.getInt(5), r.getInt(6)};
        java.time.OffsetDateTime first = r.getObject(7, java.time.OffsetDateTime.class);
        String part = r.getString(3).strip();
        switch (part) {
            case "days" -> sink.accept(shop, metric, Part.COUNTED, v);
            // an edge's records, counted in a window's first or last day but outside it
            case "e0" -> sink.accept(shop, metric, Part.COUNTED, new int[] {-v[0], 0, 0});
            case "e1" -> sink.accept(shop, metric, Part.COUNTED, new int[] {0, -v[0], 0});
            case "e2" -> sink.accept(shop, metric, Part.COUNTED, new int[] {0, 0, -v[0]});
            case "eA" -> {
                sink.accept(shop, metric, Part.COUNTED, new int[] {-v[0], -v[0], -v[0]});
                // the first record after the date, in its day, enters the windows then
                sink.changes(shop, first.toInstant());
            }
            // the first request decided after the date is decided then
            case "lateApproved" -> {
                sink.accept(shop, metric, Part.LATE_APPROVED, v);
                sink.changes(shop, first.toInstant());
            }
            case "lateOther" -> {
                sink.accept(shop, metric, Part.LATE_OTHER, v);
                sink.changes(shop, first.toInstant());
            }
            // the first record of a window's first day after its start leaves the window when the date has moved on
            // by as much as the record lies after the start
            case "n0", "n1", "n2" -> sink.changes(shop,
                    asOf.plus(java.time.Duration.between(from[part.charAt(1) - '0'], first.toInstant())));
            default -> throw new IllegalStateException("Unknown part " + part);
        }
    }

    /** A statement for JDBC: its text with {@code ?} and the names its parameters had, in order. */
    private record Statement(String sql, List<String> names) {

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

    /** The statements of {@link #read}: one shop or all, every kind or a screening's two. */
    private static final Statement COUNTED_ONE = Statement.of(counted(ONE, List.of(Kind.values()), false));
    private static final Statement COUNTED_ALL = Statement.of(counted(ALL, List.of(Kind.values()), false));
    private static final Statement UNTIL_ONE = Statement.of(counted(ONE, List.of(Kind.values()), true));
    private static final Statement UNTIL_SOME = Statement.of(counted(SOME, List.of(Kind.values()), true));
    private static final Statement UNTIL_ALL = Statement.of(counted(ALL, List.of(Kind.values()), true));
    private static final Statement SCREENING_ONE = Statement.of(counted(ONE, List.of(Kind.ORDERS, Kind.CANCELLATIONS),
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
        parts.add("select shop_id, metric, cast(case when status in " + in(ShopDayCounts.APPROVED) + " then 'lateApproved' "
                + "else 'lateOther' end as varchar(16)), sum(case when t > :t0 and t <= :asOf then 1 else 0 end), "
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
