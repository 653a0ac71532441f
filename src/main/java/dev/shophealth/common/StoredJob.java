package dev.shophealth.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What every kind of job (backtests, large imports) keeps in its row, so that every instance reads the same jobs and
 * they outlive restarts: who started it, which instance runs it, its times and the heartbeat that instance writes
 * (a job whose instance stopped reads INTERRUPTED), whether someone asked it to stop, and its report as JSON text.
 * Each kind adds its state, its progress and its inputs.
 */
@MappedSuperclass
public abstract class StoredJob extends PanacheEntityBase {
    @Id
    public String id;
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
    public String report;
}
