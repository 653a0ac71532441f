package dev.shophealth.ruleset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A ruleset that passed every check, stored with its files (a JSON map of path to content). */
@Entity
@Table(name = "ruleset_version")
public class RulesetVersion extends PanacheEntityBase {
    @Id
    public String revision;
    public String files;
    public String author;
    public String comment;
    @Column(name = "created_at")
    public Instant createdAt;
    public int rules;
    public int scenarios;
}
