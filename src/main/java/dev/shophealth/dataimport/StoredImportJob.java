package dev.shophealth.dataimport;

import dev.shophealth.common.StoredJob;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** An import job as the database holds it ({@link StoredJob}): its file's kind and format, and how far it got. */
@Entity
@Table(name = "import_job")
public class StoredImportJob extends StoredJob {
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
    @Column(name = "created_at")
    public Instant createdAt;
    /** The problem that rejected the file (problem+json), when it was rejected. */
    public String problem;
}
