package dev.shophealth.cancellation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The refund of an approved cancellation: the order amount back to the buyer's payment account. */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {
    public static final String BUYER_PAYMENT_ACCOUNT = "BUYER_PAYMENT_ACCOUNT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "order_no")
    public String orderNo;
    @Column(name = "buyer_id")
    public String buyerId;
    public BigDecimal amount;
    public String destination;
    @Column(name = "refunded_at")
    public Instant refundedAt;
}
