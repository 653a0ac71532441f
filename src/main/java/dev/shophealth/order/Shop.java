package dev.shophealth.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A merchant's shop, e.g. {@code S1001}. */
@Entity
@Table(name = "shop")
public class Shop extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    public String category;
}
