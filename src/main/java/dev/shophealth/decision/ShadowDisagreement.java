package dev.shophealth.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A live screening whose verdict the shadow ruleset would have given otherwise. */
@Entity
@Table(name = "shadow_disagreement")
public class ShadowDisagreement extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "decision_id")
    public String decisionId;
    public String subject;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "active_revision")
    public String activeRevision;
    @Column(name = "shadow_revision")
    public String shadowRevision;
    @Column(name = "active_verdict")
    public String activeVerdict;
    @Column(name = "shadow_verdict")
    public String shadowVerdict;
    @Column(name = "rules_responsible")
    public String rulesResponsible;
}
