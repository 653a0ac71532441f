package dev.shophealth.ruleset.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.common.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The backtest jobs in the database, as every instance reads and writes them: created RUNNING, progress and
 * heartbeats from the instance running them, finished with their report, asked to cancel from anywhere, and marked
 * INTERRUPTED when their instance stopped — at its next start, or once their heartbeat is {@link #STALE} old. A
 * change reads the row locked ({@link #locked}): a cancel, asked on any instance, lands while the job writes its
 * progress or its end, and every column of the row is written back.
 */
@ApplicationScoped
class BacktestJobs {

    static final Duration STALE = Duration.ofSeconds(60);

    @Inject
    ObjectMapper json;

    void create(StoredBacktest row) {
        row.persist();
    }

    /** Writes a finished job: its state, last progress and, when done, its report with the headline numbers. */
    void finish(String id, BacktestJob.State state, String error, long done, long total, BacktestReport report) {
        String text = report == null || state != BacktestJob.State.DONE ? null : write(report);
        QuarkusTransaction.requiringNew().run(() -> {
            StoredBacktest row = locked(id);
            row.state = state;
            row.error = error;
            row.done = done;
            row.total = total;
            row.finishedAt = Instant.now();
            row.heartbeatAt = row.finishedAt;
            if (text != null) {
                row.report = text;
                row.verdictsChanged = report.changedDecisions().size();
                row.levelsChanged = report.changedLevels().size();
            }
        });
    }

    /**
     * Writes a running job's progress and heartbeat, but not over an end written elsewhere (INTERRUPTED once stale);
     * answers whether someone asked it to stop.
     */
    boolean progress(String id, long done, long total) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredBacktest row = locked(id);
            if (row == null || row.state != BacktestJob.State.RUNNING) {
                return false;
            }
            row.done = done;
            row.total = total;
            row.heartbeatAt = Instant.now();
            return row.cancelRequested;
        });
    }

    /** Tells every instance that these jobs (queued ones included) are alive. */
    void heartbeat(Collection<String> ids) {
        QuarkusTransaction.requiringNew().run(() -> StoredBacktest.update("heartbeatAt = ?1 where id in ?2 and state = ?3",
                Instant.now(), List.copyOf(ids), BacktestJob.State.RUNNING));
    }

    /** Marks INTERRUPTED the jobs {@code instance} left RUNNING, but for those running here now; returns how many. */
    int interrupt(String instance, Collection<String> runningHere) {
        List<String> skip = runningHere.isEmpty() ? List.of("") : List.copyOf(runningHere);
        return QuarkusTransaction.requiringNew().call(() -> StoredBacktest.update("state = ?1, error = ?2, "
                + "finishedAt = ?3 where state = ?4 and instance = ?5 and id not in ?6", BacktestJob.State.INTERRUPTED,
                "Interrupted: the instance running it (" + instance + ") stopped before it finished; start it again",
                Instant.now(), BacktestJob.State.RUNNING, instance, skip));
    }

    BacktestJob.View get(String id, Predicate<String> runsHere) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredBacktest row = row(id);
            interruptIfStale(row, runsHere);
            return BacktestJob.view(row, read(row.report));
        });
    }

    /** Asks a running job to stop (its instance reads the flag with its next progress); 409 when it is not running. */
    BacktestJob.View requestCancel(String id, Predicate<String> runsHere, Runnable audit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredBacktest row = row(id);
            interruptIfStale(row, runsHere);
            if (row.state != BacktestJob.State.RUNNING) {
                throw ProblemException.conflict("Backtest " + id + " is " + row.state + " already");
            }
            row.cancelRequested = true;
            audit.run();
            return BacktestJob.view(row, null);
        });
    }

    List<BacktestJob.View> of(String revision) {
        return QuarkusTransaction.requiringNew().call(() -> StoredBacktest.<StoredBacktest>list(
                "candidateRevision = ?1 order by startedAt desc", revision).stream()
                .map(r -> BacktestJob.view(r, null)).toList());
    }

    Optional<BacktestJob.View> usable(String candidate, String active, Instant notBefore) {
        return QuarkusTransaction.requiringNew().call(() -> StoredBacktest.<StoredBacktest>find(
                "candidateRevision = ?1 and activeRevision = ?2 and state = ?3 and finishedAt >= ?4 "
                        + "order by finishedAt desc", candidate, active, BacktestJob.State.DONE, notBefore)
                .firstResultOptional().map(r -> BacktestJob.view(r, null)));
    }

    /** The job's row, locked (it may be marked INTERRUPTED); 404 when there is none. */
    private static StoredBacktest row(String id) {
        StoredBacktest row = locked(id);
        if (row == null) {
            throw ProblemException.notFound("No backtest '" + id + "'");
        }
        return row;
    }

    /**
     * The job's row, locked until the transaction ends: a change read without the lock would write back the state
     * it read over one committed meanwhile (a job that just ended read RUNNING again, and INTERRUPTED once stale; a
     * cancel asked on another instance was unasked by the job's next progress).
     */
    private static StoredBacktest locked(String id) {
        return StoredBacktest.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A RUNNING job of another instance that stopped sending heartbeats is not running any more. */
    private static void interruptIfStale(StoredBacktest row, Predicate<String> runsHere) {
        if (row.state == BacktestJob.State.RUNNING && !runsHere.test(row.id)
                && row.heartbeatAt.isBefore(Instant.now().minus(STALE))) {
            row.state = BacktestJob.State.INTERRUPTED;
            row.finishedAt = Instant.now();
            row.error = "Interrupted: its instance (" + row.instance + ") sent no progress since " + row.heartbeatAt
                    + "; start it again";
        }
    }

    private String write(BacktestReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BacktestReport read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, BacktestReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored backtest report cannot be read", e);
        }
    }
}
