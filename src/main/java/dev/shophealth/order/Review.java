package dev.shophealth.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A buyer's review of an order, 1–5 stars; one per order. */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {
    @Id
    @Column(name = "order_no")
    public String orderNo;
    public int stars;
    public String text;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
}
