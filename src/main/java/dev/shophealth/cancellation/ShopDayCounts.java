package dev.shophealth.cancellation;

import static dev.shophealth.common.SqlLists.in;

import dev.shophealth.common.DatabaseKind;
import dev.shophealth.order.InspectionResult;
import dev.shophealth.order.LogisticsKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Per shop, per day, per metric: how many records the health windows and the screenings count (table
 * {@code shop_day_count}, migration V9). Every write that changes a count changes it in the same transaction: a
 * screening adds its request ({@link #submitted}), a reviewer's decision moves it ({@link #decided}), an import
 * recounts the shops it touched ({@link #rebuild}); each also raises the shop's number of changes
 * ({@link ShopChanges}). A window is then a sum over at most 91 days per metric of one shop, whatever the shop's
 * size; {@link ShopDayCountReader} reads it and corrects the two partial days at its edges from the raw records
 * ({@link #SOURCES} says what is counted, by day of which time).
 *
 * <p>{@link #differences} compares the table with a count from the raw records without changing anything, and
 * {@link #rebuild} recounts; {@code ShopDayCountsTest} holds the incremental counts equal to a rebuild.
 */
@ApplicationScoped
public class ShopDayCounts {

    private static final Logger LOG = Logger.getLogger(ShopDayCounts.class);
    static final long DAY_SECONDS = 86_400;
    /** Shops per statement when a rebuild names them (bind parameters are limited). */
    static final int SHOPS_PER_STATEMENT = 500;
    /** Rows a count is spread over (see {@link #add}); a rebuild writes slot 0. */
    static final int SLOTS = 8;

    /** Approved requests count as the seller's cancellations; pending ones while undecided. */
    static final List<CancellationStatus> APPROVED = List.of(CancellationStatus.AUTO_APPROVED,
            CancellationStatus.APPROVED);
    static final List<LogisticsKind> INCIDENTS = List.of(LogisticsKind.DELAY, LogisticsKind.LOST, LogisticsKind.DAMAGED);

    /** The kinds of record an import writes, each recounted apart. */
    public enum Kind {
        ORDERS, COMPLAINTS, REVIEWS, INSPECTIONS, LOGISTICS, CANCELLATIONS
    }

    /**
     * One kind of record as counted: the expression of its shop and of its time, the metric it counts under (an SQL
     * expression), its tables, which of its rows count ({@code where}, never empty), and which metrics it owns (an
     * SQL condition on {@code metric}, to delete them before recounting).
     */
    public record Source(Kind kind, String shop, String time, String metric, String from, String where,
            String owns) {

        /** {@code select <shop> as shop_id, <time> as t, <metric> as metric from ... where ...}, plus a condition. */
        public String select(String condition) {
            return "select " + shop + " as shop_id, " + time + " as t, cast(" + metric + " as varchar(64)) as metric from "
                    + from + " where " + where + (condition.isEmpty() ? "" : " and " + condition);
        }
    }

    /** A request's metric in SQL: the same text as {@link #metric(Cancellation, BuyerContact)} gives in Java. */
    static final String CANCELLATION_METRIC = "'c|' || case when c.decided_at is null then 'P' else 'A' end || '|' "
            + "|| c.reason || '|' || case when c.force_majeure then 'F' else 'S' end || '|' "
            + "|| case when b.request_id is null then 'n' when b.compensation_type is null then 'c' else 'm' end";

    /** Everything counted. Reviews give two metrics (every review, and the negative ones), so two sources. */
    public static final List<Source> SOURCES = List.of(
            new Source(Kind.ORDERS, "o.shop_id", "o.placed_at", "'orders'", "shop_order o", "1 = 1",
                    "metric = 'orders'"),
            new Source(Kind.COMPLAINTS, "o.shop_id", "x.complained_at", "'complaints'",
                    "complaint x join shop_order o on o.order_no = x.order_no", "1 = 1", "metric = 'complaints'"),
            new Source(Kind.REVIEWS, "o.shop_id", "x.reviewed_at", "'reviews'",
                    "review x join shop_order o on o.order_no = x.order_no", "1 = 1", "metric in ('reviews', 'negative')"),
            new Source(Kind.REVIEWS, "o.shop_id", "x.reviewed_at", "'negative'",
                    "review x join shop_order o on o.order_no = x.order_no", "x.stars <= 2",
                    "metric in ('reviews', 'negative')"),
            new Source(Kind.INSPECTIONS, "p.shop_id", "x.inspected_at", "'failedInspections'",
                    "quality_inspection x join product p on p.sku = x.sku",
                    "x.result = '" + InspectionResult.FAIL.name() + "'", "metric = 'failedInspections'"),
            new Source(Kind.LOGISTICS, "o.shop_id", "x.occurred_at", "'incidents'",
                    "logistics_event x join shop_order o on o.order_no = x.order_no", "x.kind in " + in(INCIDENTS),
                    "metric = 'incidents'"),
            new Source(Kind.CANCELLATIONS, "c.shop_id", "c.submitted_at", CANCELLATION_METRIC,
                    "cancellation_request c left join buyer_contact b on b.request_id = c.id",
                    "(c.decided_at is null or c.status in " + in(APPROVED) + ")", "metric like 'c|%'"));

    /** Whole days since 1970-01-01 UTC of an SQL time expression; the same day as {@link #day(Instant)}. */
    static String daySql(String time) {
        return "cast(floor(extract(epoch from " + time + ") / " + DAY_SECONDS + ") as integer)";
    }

    /** The day of an instant: whole days since 1970-01-01 UTC. */
    public static int day(Instant at) {
        return (int) Math.floorDiv(at.getEpochSecond(), DAY_SECONDS);
    }

    /** The first instant of a day. */
    public static Instant start(int day) {
        return Instant.ofEpochSecond(day * DAY_SECONDS);
    }

    /** The metric a request counts under now, or null when it counts nowhere (rejected). */
    static String metric(Cancellation c, BuyerContact contact) {
        if (c.decidedAt != null && !APPROVED.contains(c.status)) {
            return null;
        }
        return new CancellationClass(c.decidedAt == null, c.reason.name(), c.forceMajeure,
                contact == null ? 'n' : contact.compensationType == null ? 'c' : 'm').metric();
    }

    @Inject
    EntityManager em;
    @Inject
    ReviewQueueCount queue;
    @Inject
    ShopChanges changes;

    @Inject
    DatabaseKind database;

    /** A request just stored: counted under its class, in the caller's transaction. */
    void submitted(Cancellation c, BuyerContact contact) {
        String metric = metric(c, contact);
        if (metric == null) {
            return;
        }
        add(c.shopId, c.submittedAt, metric, 1);
        if (pending(metric)) {
            queue.add(1);
        }
        changes.changed(c.shopId);
    }

    /** The metric of a stored request before a change, to give {@link #decided} afterwards. */
    String metricOf(Cancellation c) {
        return metric(c, em.find(BuyerContact.class, c.id));
    }

    /** A request decided: its count moves from the class it had ({@code before}) to the one it has now. */
    void decided(Cancellation c, String before) {
        String after = metricOf(c);
        if (java.util.Objects.equals(before, after)) {
            return;
        }
        if (pending(before) != pending(after)) {
            queue.add(pending(after) ? 1 : -1);
        }
        // always in the same order, so two transactions moving counts of one shop cannot wait on each other
        if (before != null && (after == null || before.compareTo(after) < 0)) {
            add(c.shopId, c.submittedAt, before, -1);
            add(c.shopId, c.submittedAt, after, 1);
        } else {
            add(c.shopId, c.submittedAt, after, 1);
            add(c.shopId, c.submittedAt, before, -1);
        }
        changes.changed(c.shopId);
    }

    /** Whether a request of this metric waits for a reviewer (undecided). */
    private static boolean pending(String metric) {
        CancellationClass k = metric == null ? null : CancellationClass.of(metric);
        return k != null && k.pending();
    }

    /**
     * Adds to a count in one of {@link #SLOTS} rows picked at random: concurrent screenings of one shop would
     * otherwise all wait for the one row of their day and reason, each holding its lock until its commit is on disk.
     * The readers sum the slots.
     */
    private void add(String shopId, Instant at, String metric, long delta) {
        if (metric == null) {
            return;
        }
        String sql = database.postgres()
                ? "insert into shop_day_count (shop_id, day_no, metric, slot, n) values (?1, ?2, ?3, ?5, ?4) "
                        + "on conflict (shop_id, day_no, metric, slot) do update set n = shop_day_count.n + excluded.n"
                : "merge into shop_day_count t using (values (cast(?1 as varchar(32)), cast(?2 as integer), "
                        + "cast(?3 as varchar(64)), cast(?5 as smallint), cast(?4 as bigint))) "
                        + "s (shop_id, day_no, metric, slot, n) "
                        + "on t.shop_id = s.shop_id and t.day_no = s.day_no and t.metric = s.metric and t.slot = s.slot "
                        + "when matched then update set n = t.n + s.n "
                        + "when not matched then insert (shop_id, day_no, metric, slot, n) "
                        + "values (s.shop_id, s.day_no, s.metric, s.slot, s.n)";
        // the statement names its table, so Hibernate does not flush the whole session before it (nothing it holds
        // is a count)
        em.createNativeQuery(sql).unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("shop_day_count")
                .setParameter(1, shopId).setParameter(2, day(at)).setParameter(3, metric)
                .setParameter(4, delta).setParameter(5, (short) java.util.concurrent.ThreadLocalRandom.current()
                        .nextInt(SLOTS)).executeUpdate();
    }

    /**
     * Recounts from the raw records, in the caller's transaction: the metrics of {@code kinds} of {@code shops}
     * ({@code null}: every shop). Answers how many rows the table holds for them afterwards.
     */
    public int rebuild(Collection<Kind> kinds, Collection<String> shops) {
        List<Source> sources = SOURCES.stream().filter(s -> kinds.contains(s.kind())).toList();
        if (sources.isEmpty() || shops != null && shops.isEmpty()) {
            return 0;
        }
        String owns = sources.stream().map(Source::owns).distinct().collect(Collectors.joining(" or ", "(", ")"));
        int rows = 0;
        for (List<String> chunk : chunks(shops)) {
            String shopCondition = chunk == null ? "" : "shop_id in (" + params(chunk.size()) + ")";
            var delete = em.createNativeQuery("delete from shop_day_count where " + owns
                    + (chunk == null ? "" : " and " + shopCondition));
            bind(delete, chunk).executeUpdate();
            var insert = em.createNativeQuery("insert into shop_day_count (shop_id, day_no, metric, n) "
                    + counted(sources, chunk == null ? 0 : chunk.size()));
            rows += bind(insert, chunk).executeUpdate();
        }
        changes.changed(shops);
        if (kinds.contains(Kind.CANCELLATIONS)) {
            // the queue is every shop's: recounted whole, whichever shops were named
            queue.recount();
        }
        return rows;
    }

    /** Every metric of every shop recounted. */
    public int rebuildAll() {
        return rebuild(List.of(Kind.values()), null);
    }

    /**
     * How many (shop, day, metric) rows the table and a count from the raw records disagree on (a row missing on
     * either side, or a different count); zero when the counts are right. Writes nothing.
     */
    public long differences() {
        String table = "select shop_id, day_no, metric, cast(sum(n) as bigint) from shop_day_count "
                + "group by shop_id, day_no, metric having sum(n) <> 0";
        String raw = counted(SOURCES, 0);
        // and the queue's length, one more difference when it is not the number of pending requests
        Number n = (Number) em.createNativeQuery("select (select count(*) from (" + table + " except " + raw + ") a) + "
                + "(select count(*) from (" + raw + " except " + table + ") b) + "
                + "(" + ReviewQueueCount.DIFFERENCE + ")").getSingleResult();
        return n.longValue();
    }

    /** Rows in the table with a count. */
    public long rows() {
        return ((Number) em.createNativeQuery("select count(*) from (select shop_id from shop_day_count "
                + "group by shop_id, day_no, metric having sum(n) <> 0) x").getSingleResult()).longValue();
    }

    /** {@code select shop_id, day, metric, count} of {@code sources}, for the shops bound as ?1..?n when n > 0. */
    private static String counted(List<Source> sources, int shops) {
        String parts = sources.stream().map(s -> "select shop_id, " + daySql("t") + " as day_no, metric from ("
                + s.select(shops == 0 ? "" : s.shop() + " in (" + params(shops) + ")") + ") r")
                .collect(Collectors.joining(" union all "));
        return "select shop_id, day_no, metric, cast(count(*) as bigint) from (" + parts + ") s "
                + "group by shop_id, day_no, metric";
    }

    private static List<List<String>> chunks(Collection<String> shops) {
        if (shops == null) {
            List<List<String>> all = new ArrayList<>();
            all.add(null);
            return all;
        }
        List<String> list = List.copyOf(new java.util.TreeSet<>(shops));
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += SHOPS_PER_STATEMENT) {
            chunks.add(list.subList(i, Math.min(list.size(), i + SHOPS_PER_STATEMENT)));
        }
        return chunks;
    }

    private static String params(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "?" + i).collect(Collectors.joining(", "));
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query q, List<String> shops) {
        if (shops != null) {
            for (int i = 0; i < shops.size(); i++) {
                q.setParameter(i + 1, shops.get(i));
            }
        }
        return q;
    }

    /**
     * A database that held records before the counts existed (an upgrade) gets them counted once, at the first start
     * that finds them not built; instances starting together take turns on the state row.
     */
    void buildOnce(@Observes @Priority(10) StartupEvent start) {
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            Object builtAt = em.createNativeQuery("select built_at from shop_day_count_state where id = 1 for update")
                    .getSingleResult();
            if (builtAt == null) {
                long began = System.nanoTime();
                int rows = rebuildAll();
                em.createNativeQuery("update shop_day_count_state set built_at = ?1 where id = 1")
                        .setParameter(1, Instant.now()).executeUpdate();
                LOG.infof("Counted the stored records per shop and day: %d rows in %d ms", Integer.valueOf(rows),
                        Long.valueOf((System.nanoTime() - began) / 1_000_000));
            }
        });
    }
}
