package dev.shophealth.cancellation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** How the merchant reached the buyer about a cancellation, and what was offered. */
@Entity
@Table(name = "buyer_contact")
public class BuyerContact extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public String requestId;
    public String channel;
    @Column(name = "contacted_at")
    public Instant contactedAt;
    public String summary;
    @Column(name = "compensation_type")
    public String compensationType;
    @Column(name = "compensation_amount")
    public BigDecimal compensationAmount;
}
