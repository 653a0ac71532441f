package dev.shophealth.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A buyer's order. {@code listedStockAtOrder} is what the back office showed when it was placed. */
@Entity
@Table(name = "shop_order")
public class ShopOrder extends PanacheEntityBase {
    @Id
    @Column(name = "order_no")
    public String orderNo;
    @Column(name = "shop_id")
    public String shopId;
    public String sku;
    @Column(name = "product_name")
    public String productName;
    public int quantity;
    public BigDecimal amount;
    @Column(name = "buyer_id")
    public String buyerId;
    @Column(name = "buyer_region")
    public String buyerRegion;
    @Column(name = "placed_at")
    public Instant placedAt;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    @Column(name = "shipped_at")
    public Instant shippedAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "listed_stock_at_order")
    public int listedStockAtOrder;
}
