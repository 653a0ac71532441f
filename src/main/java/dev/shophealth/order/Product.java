package dev.shophealth.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A product of a shop, with the stock its back office lists (which the warehouse may not have). */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {
    @Id
    public String sku;
    @Column(name = "shop_id")
    public String shopId;
    public String name;
    @Column(name = "listed_stock")
    public int listedStock;
}
