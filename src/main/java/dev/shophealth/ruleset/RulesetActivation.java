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

    /** The latest activation, if any. */
    public static RulesetActivation latest() {
        return find("order by id desc").firstResult();
    }
}
