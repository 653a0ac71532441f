package dev.shophealth.ruleset.backtest;

import dev.shophealth.decision.Decisions;

import dev.shophealth.common.FieldError;
import dev.shophealth.common.ProblemException;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.RulesetStore;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs backtests as jobs, one at a time in the background; they read the decision log and the shop data and
 * write nothing. Jobs live in memory (the last {@link #KEPT} are kept) and are lost on restart.
 */
@ApplicationScoped
public class BacktestService {

    static final int KEPT = 50;
    private static final Logger LOG = Logger.getLogger(BacktestService.class);

    @Inject
    RulesetStore store;
    @Inject
    Decisions decisions;
    @Inject
    BacktestRunner runner;

    private final Map<String, BacktestJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backtest");
        t.setDaemon(true);
        return t;
    });

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** Starts a backtest of stored version {@code revision} over [from, to); a missing (or blank) end answers 400. */
    public BacktestJob.View start(String revision, Instant from, Instant to) {
        List<FieldError> missing = new ArrayList<>();
        if (from == null) {
            missing.add(new FieldError("from", "is required: a date (2026-08-01) or an instant"));
        }
        if (to == null) {
            missing.add(new FieldError("to", "is required: a date (2026-11-26) or an instant"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing.stream().map(e -> e.field() + " " + e.message())
                    .collect(java.util.stream.Collectors.joining("; ")), missing);
        }
        if (!from.isBefore(to)) {
            throw ProblemException.badRequest("from", "must be before 'to'");
        }
        CompiledRuleset candidate = store.compiled(revision);
        CompiledRuleset active = decisions.active();
        BacktestJob job = new BacktestJob(UUID.randomUUID().toString(), revision);
        jobs.put(job.id, job);
        prune();
        executor.submit(() -> {
            try {
                job.report = runner.run(job, active, candidate, from, to);
                job.state = job.cancelled.get() ? BacktestJob.State.CANCELLED : BacktestJob.State.DONE;
            } catch (RuntimeException e) {
                LOG.error("Backtest " + job.id + " failed", e);
                job.state = BacktestJob.State.FAILED;
                job.error = "The backtest failed; see the service log";
            } finally {
                job.finishedAt = Instant.now();
            }
        });
        return job.view();
    }

    public BacktestJob.View get(String id) {
        return job(id).view();
    }

    /** Asks a running job to stop; it stops between two units of work. */
    public BacktestJob.View cancel(String id) {
        BacktestJob job = job(id);
        if (job.state != BacktestJob.State.RUNNING) {
            throw ProblemException.conflict("Backtest " + id + " is " + job.state + " already");
        }
        job.cancelled.set(true);
        return job.view();
    }

    private BacktestJob job(String id) {
        BacktestJob job = jobs.get(id);
        if (job == null) {
            throw ProblemException.notFound("No backtest '" + id + "'");
        }
        return job;
    }

    private void prune() {
        if (jobs.size() > KEPT) {
            jobs.values().stream().filter(j -> j.state != BacktestJob.State.RUNNING)
                    .min(java.util.Comparator.comparing(j -> j.startedAt)).ifPresent(j -> jobs.remove(j.id));
        }
    }
}
