package dev.shophealth.dataimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.common.Problem;
import dev.shophealth.common.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The import jobs in the database, as every instance reads and writes them, each change in a transaction of its
 * own: created QUEUED, started, progress and heartbeats from the instance running them, finished with their report
 * or problem, asked to cancel from anywhere, and marked INTERRUPTED when their instance stopped — at its next start,
 * or once their heartbeat is {@link #STALE} old. A change reads the row locked ({@link #locked}): the heartbeat
 * writes a job's progress while the job writes its end, and every column of the row is written back.
 */
@ApplicationScoped
class ImportJobs {

    static final Duration STALE = Duration.ofSeconds(60);

    @Inject
    ObjectMapper json;

    void create(StoredImportJob row) {
        QuarkusTransaction.requiringNew().run(row::persist);
    }

    /** Marks a queued job RUNNING; false when it was cancelled while it waited. */
    boolean start(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredImportJob row = locked(id);
            if (row.state != ImportJob.State.QUEUED) {
                return false;
            }
            row.state = ImportJob.State.RUNNING;
            row.startedAt = Instant.now();
            row.heartbeatAt = row.startedAt;
            return true;
        });
    }

    /**
     * Writes a running job's progress and heartbeat, but not over its end (it may have just finished); answers whether
     * someone asked it to stop.
     */
    boolean progress(String id, long rows, long bytes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredImportJob row = locked(id);
            if (row == null || row.state.finished()) {
                return false;
            }
            row.rowsDone = rows;
            row.bytesRead = bytes;
            row.heartbeatAt = Instant.now();
            return row.cancelRequested;
        });
    }

    /** Tells every instance that these jobs (queued ones included) are alive. */
    void heartbeat(Collection<String> ids) {
        QuarkusTransaction.requiringNew().run(() -> StoredImportJob.update("heartbeatAt = ?1 where id in ?2 and state in ?3",
                Instant.now(), List.copyOf(ids), List.of(ImportJob.State.QUEUED, ImportJob.State.RUNNING)));
    }

    /** Writes a finished job: its state, last progress, and its report or the problem that rejected the file. */
    void finish(String id, ImportJob.State state, long rows, long bytes, ImportReport report, Problem problem) {
        String reportText = report == null ? null : write(report);
        String problemText = problem == null ? null : write(problem);
        QuarkusTransaction.requiringNew().run(() -> {
            StoredImportJob row = locked(id);
            row.state = state;
            row.rowsDone = rows;
            row.bytesRead = state == ImportJob.State.SUCCEEDED ? row.bytesTotal : bytes;
            row.finishedAt = Instant.now();
            row.heartbeatAt = row.finishedAt;
            row.report = reportText;
            row.problem = problemText;
        });
    }

    /** Marks INTERRUPTED the jobs {@code instance} left queued or running, but for those here now; returns how many. */
    int interrupt(String instance, Collection<String> here) {
        List<String> skip = here.isEmpty() ? List.of("") : List.copyOf(here);
        Problem problem = interrupted("the instance running it (" + instance + ") stopped before it finished");
        String text = write(problem);
        return QuarkusTransaction.requiringNew().call(() -> StoredImportJob.update("state = ?1, problem = ?2, "
                + "finishedAt = ?3 where state in ?4 and instance = ?5 and id not in ?6", ImportJob.State.INTERRUPTED,
                text, Instant.now(), List.of(ImportJob.State.QUEUED, ImportJob.State.RUNNING), instance, skip));
    }

    ImportJob.View get(String id, Predicate<String> here) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredImportJob row = row(id);
            interruptIfStale(row, here);
            return view(row);
        });
    }

    /**
     * Asks a job to stop: a queued one is CANCELLED at once, a running one by its instance with its next progress
     * (it rolls back); 409 when it has finished.
     */
    ImportJob.View requestCancel(String id, Predicate<String> here) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredImportJob row = row(id);
            interruptIfStale(row, here);
            if (row.state.finished()) {
                throw ProblemException.conflict("Import job " + id + " is " + row.state + " already");
            }
            row.cancelRequested = true;
            if (row.state == ImportJob.State.QUEUED) {
                row.state = ImportJob.State.CANCELLED;
                row.finishedAt = Instant.now();
            }
            return view(row);
        });
    }

    private ImportJob.View view(StoredImportJob row) {
        return ImportJob.view(row, row.report == null ? null : read(row.report, ImportReport.class),
                row.problem == null ? null : read(row.problem, Problem.class));
    }

    /** The job's row, locked (it may be marked INTERRUPTED); 404 when there is none. */
    private static StoredImportJob row(String id) {
        StoredImportJob row = locked(id);
        if (row == null) {
            throw ProblemException.notFound("No import job '" + id + "'");
        }
        return row;
    }

    /**
     * The job's row, locked until the transaction ends: a change read without the lock would write back the state
     * it read over one committed meanwhile (a job that just ended read RUNNING again, and INTERRUPTED once stale).
     */
    private static StoredImportJob locked(String id) {
        return StoredImportJob.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A queued or running job of another instance that stopped sending heartbeats is not running any more. */
    private void interruptIfStale(StoredImportJob row, Predicate<String> here) {
        if (!row.state.finished() && !here.test(row.id) && row.heartbeatAt.isBefore(Instant.now().minus(STALE))) {
            row.state = ImportJob.State.INTERRUPTED;
            row.finishedAt = Instant.now();
            row.problem = write(interrupted("its instance (" + row.instance + ") sent no progress since "
                    + row.heartbeatAt));
        }
    }

    static Problem interrupted(String why) {
        return Problem.of(503, "The import was interrupted: " + why + ". Nothing of it was written; send the file "
                + "again.", List.of());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored import job cannot be read", e);
        }
    }
}
