package dev.shophealth.ruleset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A second analyst's approval of a stored version (four eyes): who, when, why, and the backtest they saw. The
 * database holds one per version and approver.
 */
@Entity
@Table(name = "ruleset_approval")
public class RulesetApproval extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String revision;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    public String comment;
    @Column(name = "backtest_id")
    public String backtestId;

    /** A version's approvals, oldest first. */
    public static List<RulesetApproval> of(String revision) {
        return list("revision = ?1 order by id", revision);
    }
}
