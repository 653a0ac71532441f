package dev.shophealth.dataimport;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An import job as the database holds it: every instance reads the same rows, and they outlive restarts. The
 * instance running a job writes its progress and heartbeat; a job whose instance stopped is marked INTERRUPTED.
 */
@Entity
@Table(name = "import_job")
public class StoredImportJob extends PanacheEntityBase {
    @Id
    public String id;
    public String kind;
    public String format;
    @Column(name = "dry_run")
    public boolean dryRun;
    @Enumerated(EnumType.STRING)
    public ImportJob.State state;
    @Column(name = "rows_done")
    public long rowsDone;
    @Column(name = "bytes_read")
    public long bytesRead;
    @Column(name = "bytes_total")
    public long bytesTotal;
    @Column(name = "started_by")
    public String startedBy;
    public String instance;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "cancel_requested")
    public boolean cancelRequested;
    public String report;
    public String problem;
}
