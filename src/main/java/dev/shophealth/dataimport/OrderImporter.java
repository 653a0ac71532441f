package dev.shophealth.dataimport;

import dev.shophealth.order.OrderStatus;
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
    }

    /** Orders go in by COPY on PostgreSQL, JDBC batches on H2; an order belongs to its shop. */
    static final BulkTable<OrderRow> TABLE = BulkTable.of("shop_order", 1, OrderRow.class)
            .text("order_no", OrderRow::orderNo).text("shop_id", OrderRow::shopId).text("sku", OrderRow::sku)
            .text("product_name", OrderRow::productName).integer("quantity", OrderRow::quantity)
            .decimal("amount", OrderRow::amount).text("buyer_id", OrderRow::buyerId)
            .text("buyer_region", OrderRow::buyerRegion).instant("placed_at", OrderRow::placedAt)
            .enumName("status", OrderRow::status).instant("shipped_at", OrderRow::shippedAt)
            .instant("delivered_at", OrderRow::deliveredAt).integer("listed_stock_at_order", OrderRow::listedStockAtOrder)
            .read(v -> new OrderRow(v.text(0), v.text(1), v.text(2), v.text(3), v.integer(4), v.decimal(5), v.text(6),
                    v.text(7), v.instant(8), v.enumValue(9, OrderStatus.class), v.instant(10), v.instant(11),
                    v.integer(12)))
            .shop((r, context) -> r.shopId());

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
    public void prefetch(List<Row> rows, ImportContext context) {
        context.loadProducts(RecordImporter.values(rows, "sku"));
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
    public ChunkWriter<OrderRow> writer(ImportContext context) {
        return new BulkWriter<>(TABLE, this::key, context);
    }
}
