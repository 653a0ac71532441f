package dev.shophealth.dataimport;

import dev.shophealth.order.Product;
import dev.shophealth.order.Shop;
import dev.shophealth.order.ShopOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reference look-ups during one import, cached because a file refers to the same few shops and products often. */
public final class ImportContext {

    private final Map<String, Boolean> shops = new HashMap<>();
    private final Map<String, Optional<String>> productShops = new HashMap<>();
    private final Map<String, Optional<ShopOrder>> orders = new HashMap<>();
    private final java.util.Set<String> touchedShops = new java.util.HashSet<>();

    public boolean shopExists(String shopId) {
        return shops.computeIfAbsent(shopId, id -> Shop.findById(id) != null);
    }

    /** The shop that sells {@code sku}, empty when the sku is unknown. */
    public Optional<String> productShop(String sku) {
        return productShops.computeIfAbsent(sku,
                s -> Optional.ofNullable(Product.<Product>findById(s)).map(p -> p.shopId));
    }

    public Optional<ShopOrder> order(String orderNo) {
        return orders.computeIfAbsent(orderNo, n -> Optional.ofNullable(ShopOrder.findById(n)));
    }

    /** Notes shops whose records this import writes (before and after the write: a record may change shop). */
    void touched(java.util.Collection<String> shopIds) {
        touchedShops.addAll(shopIds);
    }

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
