package dev.shophealth.decisionlog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One decision, as Open Policy Agent logs them: id, time, subject, the ruleset revision, the input facts as
 * evaluated, the output, and the rules that fired.
 */
@Entity
@Table(name = "decision_log")
public class DecisionLogEntry extends PanacheEntityBase {
    @Id
    @Column(name = "decision_id")
    public String decisionId;
    @Column(name = "decided_at")
    public Instant decidedAt;
    public String kind;
    public String subject;
    @Column(name = "ruleset_revision")
    public String rulesetRevision;
    public String verdict;
    public String input;
    public String output;
    @Column(name = "fired_rules")
    public String firedRules;
    public String error;
}
