package dev.shophealth.ruleset.backtest;

import dev.shophealth.common.StoredJob;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A backtest job as the database holds it ({@link StoredJob}): the revisions and period compared, and the outcome. */
@Entity
@Table(name = "backtest_job")
public class StoredBacktest extends StoredJob {
    @Column(name = "candidate_revision")
    public String candidateRevision;
    @Column(name = "active_revision")
    public String activeRevision;
    @Column(name = "period_from")
    public Instant periodFrom;
    @Column(name = "period_to")
    public Instant periodTo;
    @Enumerated(EnumType.STRING)
    public BacktestJob.State state;
    public long done;
    public long total;
    public String error;
    @Column(name = "verdicts_changed")
    public Integer verdictsChanged;
    @Column(name = "levels_changed")
    public Integer levelsChanged;
}
