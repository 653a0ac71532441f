package dev.shophealth.cancellation;

import static dev.shophealth.cancellation.DayCountStatements.COUNTED_ALL;
import static dev.shophealth.cancellation.DayCountStatements.COUNTED_ONE;
import static dev.shophealth.cancellation.DayCountStatements.SCREENING_ONE;
import static dev.shophealth.cancellation.DayCountStatements.UNTIL_ALL;
import static dev.shophealth.cancellation.DayCountStatements.UNTIL_ONE;
import static dev.shophealth.cancellation.DayCountStatements.UNTIL_SOME;

import dev.shophealth.common.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;

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

    private void read(DayCountStatements.Statement statement, String shopId, java.util.Collection<String> shopIds,
            Instant asOf, Instant[] from, Sink sink) {
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
}
