package dev.shophealth.dataimport;

import dev.shophealth.common.Problem;
import java.time.Duration;
import java.time.Instant;

/** An import run as a job: its states and the view a client polls. */
public final class ImportJob {

    private ImportJob() {
    }

    /**
     * Where a job stands. QUEUED: waiting for the import before it on its instance. INTERRUPTED: the instance running
     * it stopped before it finished; nothing of it was written, send the file again.
     */
    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

        boolean finished() {
            return this != QUEUED && this != RUNNING;
        }
    }

    /**
     * The job as polled. {@code percentDone} is the share of the file read and validated (writes follow the rows as
     * they are validated; the last chunk and the commit come after 99.9 %); {@code rowsPerSecond} since the job
     * started; {@code report} when it SUCCEEDED, the same as a smaller file's import answers; {@code problem} when it
     * FAILED, the same problem+json a smaller file's import answers, naming the line and field at fault.
     */
    public record View(String id, String kind, String format, boolean dryRun, State state, double percentDone,
            long rowsDone, Long rowsPerSecond, Long etaSeconds, String startedBy, Instant createdAt,
            Instant startedAt, Instant finishedAt, ImportReport report, Problem problem) {
    }

    static View view(StoredImportJob s, ImportReport report, Problem problem) {
        double percent = s.state == State.SUCCEEDED ? 100
                : Math.min(99.9, Math.floor(1000.0 * s.bytesRead / Math.max(1, s.bytesTotal)) / 10.0);
        Long rate = null;
        Long eta = null;
        if (s.startedAt != null && s.rowsDone > 0) {
            Instant end = s.finishedAt != null ? s.finishedAt : Instant.now();
            long millis = Math.max(1, Duration.between(s.startedAt, end).toMillis());
            rate = s.rowsDone * 1000 / millis;
            if (s.state == State.RUNNING && s.bytesRead > 0) {
                eta = Math.max(0, millis * (s.bytesTotal - s.bytesRead) / s.bytesRead / 1000);
            }
        }
        return new View(s.id, s.kind, s.format, s.dryRun, s.state, percent, s.rowsDone, rate, eta, s.startedBy,
                s.createdAt, s.startedAt, s.finishedAt, report, problem);
    }
}
