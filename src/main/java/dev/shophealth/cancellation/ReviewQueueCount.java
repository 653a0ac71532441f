package dev.shophealth.cancellation;

import dev.shophealth.common.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The length of the reviewers' queue, kept by the writes that change it ({@link ShopDayCounts#submitted},
 * {@link ShopDayCounts#decided}) in their transactions, so a request just queued learns its place without counting
 * every pending request ({@link ReviewPace#ofJustQueued}). Checked and recounted with the per-day counts.
 */
@ApplicationScoped
public class ReviewQueueCount {

    /** Rows the length is spread over, written at random: every shop's screenings that end in review add to it. */
    static final int SLOTS = 16;

    /** The raw count the length must equal. */
    private static final String PENDING = "select count(*) from cancellation_request where status = '"
            + CancellationStatus.PENDING_REVIEW.name() + "'";

    /** An SQL expression: 1 when the kept length is not the number of pending requests, else 0. */
    static final String DIFFERENCE = "select case when (select coalesce(sum(n), 0) from review_queue_count) = ("
            + PENDING + ") then 0 else 1 end";

    @Inject
    EntityManager em;

    @Inject
    DatabaseKind database;

    /** The queue grows or shrinks by {@code delta}, in one of {@link #SLOTS} rows picked at random. */
    void add(long delta) {
        String sql = database.postgres()
                ? "insert into review_queue_count (slot, n) values (?1, ?2) "
                        + "on conflict (slot) do update set n = review_queue_count.n + excluded.n"
                : "merge into review_queue_count t using (values (cast(?1 as smallint), cast(?2 as bigint))) s (slot, n) "
                        + "on t.slot = s.slot when matched then update set n = t.n + s.n "
                        + "when not matched then insert (slot, n) values (s.slot, s.n)";
        em.createNativeQuery(sql).unwrap(org.hibernate.query.NativeQuery.class)
                .addSynchronizedQuerySpace("review_queue_count")
                .setParameter(1, (short) java.util.concurrent.ThreadLocalRandom.current().nextInt(SLOTS))
                .setParameter(2, delta).executeUpdate();
    }

    /** The requests waiting for a reviewer, as kept: one statement over 16 rows. */
    long length() {
        return ((Number) em.createNativeQuery("select coalesce(sum(n), 0) from review_queue_count")
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("review_queue_count")
                .getSingleResult()).longValue();
    }

    /** Counted again from the requests, in the caller's transaction. */
    void recount() {
        em.createNativeQuery("delete from review_queue_count").executeUpdate();
        em.createNativeQuery("insert into review_queue_count (slot, n) select 0, (" + PENDING + ")").executeUpdate();
    }
}
