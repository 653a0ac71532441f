package dev.shophealth.cancellation;

import dev.shophealth.common.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How many times each shop's per-day counts have changed (table {@code shop_change}, V14). Every write that changes
 * a shop's counts ({@link ShopDayCounts#submitted}, {@link ShopDayCounts#decided}, {@link ShopDayCounts#rebuild})
 * raises the shop's number in its transaction, so a reader that kept the shop's window facts knows with one look-up,
 * on any instance, whether they are still the shop's: the number it kept them at is the number now. Nothing else
 * changes a window's facts but time, which the reader of the counts bounds ({@link ShopDayCountReader.Sink#changes}).
 */
@ApplicationScoped
public class ShopChanges {

    /** The row a change of every shop at once raises; not a shop id (the import refuses it). */
    static final String EVERY_SHOP = "*";
    /** Rows a shop's number is spread over, written at random, as the counts are. */
    static final int SLOTS = 8;
    /** A recount naming more shops than this raises {@link #EVERY_SHOP} instead of each. */
    static final int SHOPS_ONE_BY_ONE = 50;

    /**
     * An SQL expression: the number of the shop bound as {@code :shop}, with every shop's changes in it. Summed over
     * at most 16 rows of the primary key.
     */
    public static final String NUMBER_OF_SHOP = "(select coalesce(sum(n), 0) from shop_change where shop_id in (:shop, '"
            + EVERY_SHOP + "'))";

    @Inject
    EntityManager em;

    @Inject
    DatabaseKind database;

    /** The shop's counts changed in the caller's transaction. */
    void changed(String shopId) {
        String sql = database.postgres()
                ? "insert into shop_change (shop_id, slot, n) values (?1, ?2, 1) "
                        + "on conflict (shop_id, slot) do update set n = shop_change.n + 1"
                : "merge into shop_change t using (values (cast(?1 as varchar(32)), cast(?2 as smallint))) s (shop_id, slot) "
                        + "on t.shop_id = s.shop_id and t.slot = s.slot when matched then update set n = t.n + 1 "
                        + "when not matched then insert (shop_id, slot, n) values (s.shop_id, s.slot, 1)";
        em.createNativeQuery(sql).unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("shop_change")
                .setParameter(1, shopId)
                .setParameter(2, (short) java.util.concurrent.ThreadLocalRandom.current().nextInt(SLOTS))
                .executeUpdate();
    }

    /** These shops' counts changed ({@code null}: every shop's), in the caller's transaction. */
    void changed(Collection<String> shopIds) {
        if (shopIds == null || shopIds.size() > SHOPS_ONE_BY_ONE) {
            changed(EVERY_SHOP);
        } else {
            new java.util.TreeSet<>(shopIds).forEach(this::changed);
        }
    }

    /** Every shop's number, as {@link #NUMBER_OF_SHOP} gives it for one. */
    public record Numbers(Map<String, Long> byShop, long everyShop) {

        /** A shop's number; a shop never changed alone is at every shop's. */
        public long of(String shopId) {
            return byShop.getOrDefault(shopId, 0L) + everyShop;
        }
    }

    /** Up to this many shops' numbers are read by their ids; more, with every shop's. */
    static final int NUMBERS_BY_ID = 200;

    /** The numbers of {@code shopIds} (and perhaps of others), as {@link #NUMBER_OF_SHOP} gives one, in one statement. */
    public Numbers of(Collection<String> shopIds) {
        boolean byId = shopIds.size() <= NUMBERS_BY_ID;
        String sql = "select shop_id, sum(n) from shop_change"
                + (byId ? " where shop_id in (" + java.util.stream.IntStream.rangeClosed(1, shopIds.size() + 1)
                        .mapToObj(i -> "?" + i).collect(java.util.stream.Collectors.joining(", ")) + ")" : "")
                + " group by shop_id";
        var query = em.createNativeQuery(sql).unwrap(org.hibernate.query.NativeQuery.class)
                .addSynchronizedQuerySpace("shop_change");
        if (byId) {
            query.setParameter(1, EVERY_SHOP);
            int i = 2;
            for (String id : shopIds) {
                query.setParameter(i++, id);
            }
        }
        Map<String, Long> byShop = new HashMap<>();
        long every = 0;
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            long n = ((Number) r[1]).longValue();
            if (EVERY_SHOP.equals(r[0])) {
                every = n;
            } else {
                byShop.put((String) r[0], n);
            }
        }
        return new Numbers(byShop, every);
    }
}
