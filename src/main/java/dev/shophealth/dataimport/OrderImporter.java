package dev.shophealth.dataimport;

import dev.shophealth.order.OrderStatus;
import dev.shophealth.order.ShopOrder;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Orders. The sku must be a product of the order's shop, and the times must tell a possible story: shipped
 * orders have a shipping time, delivered ones a delivery time, each after the one before.
 */
@ApplicationScoped
public class OrderImporter implements RecordImporter<OrderImporter.OrderRow> {

    /** One order row. */
    public record OrderRow(String orderNo, String shopId, String sku, String productName, Integer quantity,
            BigDecimal amount, String buyerId, String buyerRegion, Instant placedAt, OrderStatus status,
            Instant shippedAt, Instant deliveredAt, Integer listedStockAtOrder) {

        static OrderRow of(ShopOrder o) {
            return new OrderRow(o.orderNo, o.shopId, o.sku, o.productName, o.quantity, o.amount, o.buyerId,
                    o.buyerRegion, o.placedAt, o.status, o.shippedAt, o.deliveredAt, o.listedStockAtOrder);
        }

        void applyTo(ShopOrder o) {
            o.orderNo = orderNo;
            o.shopId = shopId;
            o.sku = sku;
            o.productName = productName;
            o.quantity = quantity;
            o.amount = amount;
            o.buyerId = buyerId;
            o.buyerRegion = buyerRegion;
            o.placedAt = placedAt;
            o.status = status;
            o.shippedAt = shippedAt;
            o.deliveredAt = deliveredAt;
            o.listedStockAtOrder = listedStockAtOrder;
        }
    }

    @Override
    public String kind() {
        return "orders";
    }

    @Override
    public List<String> columns() {
        return List.of("orderNo", "shopId", "sku", "productName", "quantity", "amount", "buyerId", "buyerRegion",
                "placedAt", "status", "shippedAt", "deliveredAt", "listedStockAtOrder");
    }

    @Override
    public OrderRow parse(RowParser row, ImportContext context) {
        var r = new OrderRow(row.text("orderNo", 64), row.text("shopId", 32), row.text("sku", 64),
                row.text("productName", 300), row.integer("quantity", 1, 100_000), row.money("amount"),
                row.text("buyerId", 64), row.text("buyerRegion", 100), row.instant("placedAt"),
                row.enumValue("status", OrderStatus.class), row.optionalInstant("shippedAt"),
                row.optionalInstant("deliveredAt"), row.integer("listedStockAtOrder", 0, 100_000_000));
        if (r.shopId() != null && r.sku() != null) {
            context.productShop(r.sku()).ifPresentOrElse(
                    owner -> {
                        if (!owner.equals(r.shopId())) {
                            row.fail("sku", "sku '" + r.sku() + "' belongs to shop '" + owner + "', not to the shopId '"
                                    + r.shopId() + "'");
                        }
                    },
                    () -> row.fail("sku", "no product '" + r.sku() + "'"));
        }
        checkTimeline(row, r);
        return r;
    }

    private static void checkTimeline(RowParser row, OrderRow r) {
        if (r.status() == null || r.placedAt() == null) {
            return;
        }
        boolean needsShipped = r.status() == OrderStatus.SHIPPED || r.status() == OrderStatus.DELIVERED;
        if (needsShipped && r.shippedAt() == null) {
            row.fail("shippedAt", "is required when status is " + r.status());
        }
        if (r.status() == OrderStatus.DELIVERED && r.deliveredAt() == null) {
            row.fail("deliveredAt", "is required when status is DELIVERED");
        }
        if (r.status() == OrderStatus.AWAITING_SHIPMENT && r.shippedAt() != null) {
            row.fail("shippedAt", "must be empty while the order awaits shipment");
        }
        if (r.status() != OrderStatus.DELIVERED && r.deliveredAt() != null) {
            row.fail("deliveredAt", "must be empty unless the order is DELIVERED");
        }
        if (r.shippedAt() != null && r.shippedAt().isBefore(r.placedAt())) {
            row.fail("shippedAt", "must not be before placedAt");
        }
        if (r.deliveredAt() != null && r.shippedAt() != null && r.deliveredAt().isBefore(r.shippedAt())) {
            row.fail("deliveredAt", "must not be before shippedAt");
        }
    }

    @Override
    public dev.shophealth.cancellation.ShopDayCounts.Kind counted() {
        return dev.shophealth.cancellation.ShopDayCounts.Kind.ORDERS;
    }

    @Override
    public String key(OrderRow record) {
        return record.orderNo();
    }

    @Override
    public java.util.Set<String> storedShops(List<OrderRow> rows) {
        return RecordImporter.shops("select distinct o.shopId from ShopOrder o where o.orderNo in :keys",
                rows.stream().map(OrderRow::orderNo).toList());
    }

    @Override
    public java.util.Set<String> stored(java.util.List<OrderRow> rows) {
        return Upserts.stored(ShopOrder.class, "orderNo", rows.stream().map(OrderRow::orderNo).toList(),
                (ShopOrder o) -> o.orderNo);
    }

    @Override
    public WriteResult write(OrderRow r, java.util.Set<String> stored) {
        return Upserts.upsert(r.orderNo(), stored, k -> ShopOrder.<ShopOrder>findById(k), ShopOrder::new, OrderRow::of, r,
                OrderRow::applyTo);
    }

    @Override
    public WriteResult write(OrderRow r) {
        return Upserts.upsert(ShopOrder.findById(r.orderNo()), ShopOrder::new, OrderRow::of, r, OrderRow::applyTo);
    }
}
