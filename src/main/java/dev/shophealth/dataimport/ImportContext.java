package dev.shophealth.dataimport;

import dev.shophealth.order.Shop;
import io.quarkus.hibernate.orm.panache.Panache;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reference look-ups during one import, cached because a file refers to the same few shops and products often.
 * Orders and products are read as plain values, never as entities, so a file of a million reviews leaves nothing
 * in Hibernate's persistence context; {@link RecordImporter#prefetch} loads them a batch of rows at a time.
 */
public final class ImportContext {

    /** Keys per look-up query (bind parameters are limited). */
    private static final int KEYS_PER_QUERY = 1000;

    /** What feedback needs of the order it is about. */
    public record OrderRef(String shopId, Instant placedAt) {
    }

    private final Map<String, Boolean> shops = new HashMap<>();
    private final Map<String, Optional<String>> productShops = new HashMap<>();
    private final Map<String, Optional<OrderRef>> orders = new HashMap<>();
    private final java.util.Set<String> touchedShops = new java.util.HashSet<>();

    public boolean shopExists(String shopId) {
        return shops.computeIfAbsent(shopId, id -> Shop.findById(id) != null);
    }

    /** The shop that sells {@code sku}, empty when the sku is unknown. */
    public Optional<String> productShop(String sku) {
        if (!productShops.containsKey(sku)) {
            loadProducts(List.of(sku));
        }
        return productShops.get(sku);
    }

    public Optional<OrderRef> order(String orderNo) {
        if (!orders.containsKey(orderNo)) {
            loadOrders(List.of(orderNo));
        }
        return orders.get(orderNo);
    }

    /** Looks up the products among {@code skus} not looked up yet, a thousand per query. */
    void loadProducts(Collection<String> skus) {
        load(skus, productShops, "select p.sku, p.shopId from Product p where p.sku in :keys",
                row -> Optional.of((String) row[1]));
    }

    /** Looks up the orders among {@code orderNos} not looked up yet, a thousand per query. */
    void loadOrders(Collection<String> orderNos) {
        load(orderNos, orders, "select o.orderNo, o.shopId, o.placedAt from ShopOrder o where o.orderNo in :keys",
                row -> Optional.of(new OrderRef((String) row[1], (Instant) row[2])));
    }

    private static <V> void load(Collection<String> keys, Map<String, Optional<V>> cache, String query,
            java.util.function.Function<Object[], Optional<V>> value) {
        // a key with a character no field accepts (NUL, which PostgreSQL cannot even compare) names no stored
        // record: known absent without a query, so its row's validation names the field rather than the batch failing
        keys.stream().filter(k -> dev.shophealth.common.ControlCharacters.find(k) >= 0)
                .forEach(k -> cache.putIfAbsent(k, Optional.empty()));
        List<String> missing = keys.stream().filter(k -> !cache.containsKey(k)).toList();
        for (int from = 0; from < missing.size(); from += KEYS_PER_QUERY) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + KEYS_PER_QUERY));
            Panache.getEntityManager().createQuery(query, Object[].class).setParameter("keys", chunk)
                    .getResultStream().forEach(row -> cache.put((String) row[0], value.apply(row)));
            chunk.forEach(k -> cache.putIfAbsent(k, Optional.empty()));
        }
    }

    /** Notes a shop whose records this import writes (before and after the write: a record may change shop). */
    void touched(String shopId) {
        touchedShops.add(shopId);
    }

    /**
     * The shops this import's records belonged to before it or belong to after it: orders by their shop, reviews,
     * complaints and logistics events by their order's shop, inspections by their product's shop. Complete only at
     * the end of the import's writes; empty for a dry run and for shops, products and stock counts.
     */
    public java.util.Set<String> touchedShops() {
        return java.util.Collections.unmodifiableSet(touchedShops);
    }
}
