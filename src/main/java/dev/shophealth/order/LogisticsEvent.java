package dev.shophealth.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Evidence: a logistics event about one order, or about a whole region (exactly one of the two is set). */
@Entity
@Table(name = "logistics_event")
public class LogisticsEvent extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "order_no")
    public String orderNo;
    public String region;
    @Enumerated(EnumType.STRING)
    public LogisticsKind kind;
    public String detail;
    @Column(name = "occurred_at")
    public Instant occurredAt;
}
