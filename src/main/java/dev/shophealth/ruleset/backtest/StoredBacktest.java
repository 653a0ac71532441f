package dev.shophealth.ruleset.backtest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A backtest job as the database holds it: every instance reads the same rows, and they outlive restarts. The
 * instance running a job writes its progress and heartbeat; a job whose instance stopped is marked INTERRUPTED.
 */
@Entity
@Table(name = "backtest_job")
public class StoredBacktest extends PanacheEntityBase {
    @Id
    public String id;
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
    @Column(name = "started_by")
    public String startedBy;
    public String instance;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "cancel_requested")
    public boolean cancelRequested;
    public String error;
    @Column(name = "verdicts_changed")
    public Integer verdictsChanged;
    @Column(name = "levels_changed")
    public Integer levelsChanged;
    public String report;
}
