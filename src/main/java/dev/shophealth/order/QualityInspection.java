package dev.shophealth.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Evidence: a quality inspection of one batch of a sku. */
@Entity
@Table(name = "quality_inspection")
public class QualityInspection extends PanacheEntityBase {
    @Id
    @Column(name = "inspection_id")
    public String inspectionId;
    public String sku;
    public String batch;
    @Enumerated(EnumType.STRING)
    public InspectionResult result;
    public String defect;
    @Column(name = "inspected_at")
    public Instant inspectedAt;
}
