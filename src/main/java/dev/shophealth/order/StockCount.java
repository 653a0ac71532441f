package dev.shophealth.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Evidence: a counted warehouse quantity of a sku at a moment. */
@Entity
@Table(name = "stock_count")
public class StockCount extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String sku;
    @Column(name = "counted_quantity")
    public int countedQuantity;
    @Column(name = "counted_at")
    public Instant countedAt;
}
