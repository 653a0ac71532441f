package dev.shophealth.ruleset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** The candidate in shadow, if any: one row, read by every instance. */
@Entity
@Table(name = "ruleset_shadow")
public class RulesetShadow extends PanacheEntityBase {

    /** The one row's id. */
    public static final int ONE = 1;

    @Id
    public Integer id;
    public String revision;
    @Column(name = "set_by")
    public String setBy;
    @Column(name = "set_at")
    public Instant setAt;

    public static Optional<RulesetShadow> current() {
        return findByIdOptional(ONE);
    }
}
