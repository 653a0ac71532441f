package dev.shophealth.order;

import java.math.BigDecimal;
import java.time.Instant;

/** An order as the API shows it. */
public record OrderResponse(String orderNo, String shopId, String sku, String productName, int quantity,
        BigDecimal amount, String currency, String buyerId, String buyerRegion, Instant placedAt, OrderStatus status,
        Instant shippedAt, Instant deliveredAt, int listedStockAtOrder) {

    static OrderResponse of(ShopOrder o) {
        return new OrderResponse(o.orderNo, o.shopId, o.sku, o.productName, o.quantity, o.amount, "CNY", o.buyerId,
                o.buyerRegion, o.placedAt, o.status, o.shippedAt, o.deliveredAt, o.listedStockAtOrder);
    }
}
