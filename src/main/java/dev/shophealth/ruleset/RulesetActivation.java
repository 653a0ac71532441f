package dev.shophealth.ruleset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One switch of the active ruleset; the latest row names what every instance serves. */
@Entity
@Table(name = "ruleset_activation")
public class RulesetActivation extends PanacheEntityBase {

    /** How the switch came about. */
    public enum Kind {
        STARTUP, RELOAD, ACTIVATE, ROLLBACK
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "activated_at")
    public Instant activatedAt;
    @Column(name = "activated_by")
    public String activatedBy;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;
    @Column(name = "from_revision")
    public String fromRevision;
    @Column(name = "to_revision")
    public String toRevision;
    /** Why: the activator's comment (governed activations). */
    public String comment;
    /** Who approved the version (four eyes); null for reloads, start-ups and rollbacks. */
    @Column(name = "approved_by")
    public String approvedBy;
    /** The backtest the activation rested on, and its headline numbers. */
    @Column(name = "backtest_id")
    public String backtestId;
    @Column(name = "verdicts_changed")
    public Integer verdictsChanged;
    @Column(name = "levels_changed")
    public Integer levelsChanged;

    /** What a governed activation rested on: a comment, the approval, the backtest and its headline numbers. */
    public record Evidence(String comment, String approvedBy, String backtestId, Integer verdictsChanged,
            Integer levelsChanged) {

        /** No evidence: start-ups, reloads, rollbacks. */
        public static final Evidence NONE = new Evidence(null, null, null, null, null);
    }

    /** The latest activation, if any. */
    public static RulesetActivation latest() {
        return find("order by id desc").firstResult();
    }
}
