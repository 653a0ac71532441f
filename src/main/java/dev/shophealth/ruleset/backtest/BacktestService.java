package dev.shophealth.ruleset.backtest;

import dev.shophealth.common.FieldError;
import dev.shophealth.common.ProblemException;
import dev.shophealth.common.ShopHealthConfig;
import dev.shophealth.decision.Decisions;
import dev.shophealth.ruleset.RulesetStore;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.security.Audit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs backtests as jobs, one at a time in the background on the instance that started them; they read the decision
 * log and the shop data and write only their own row ({@link BacktestJobs}): every instance answers for every job,
 * a finished report outlives restarts, and a job whose instance stopped reads INTERRUPTED.
 */
@ApplicationScoped
public class BacktestService {

    /** How often this instance's running jobs say they are alive: well within {@link #STALE}. */
    static final String HEARTBEAT = "10s";
    static final Duration STALE = BacktestJobs.STALE;
    private static final Logger LOG = Logger.getLogger(BacktestService.class);

    @Inject
    RulesetStore store;
    @Inject
    Decisions decisions;
    @Inject
    BacktestRunner runner;
    @Inject
    BacktestJobs jobs;
    @Inject
    Audit audit;
    @Inject
    ShopHealthConfig config;
    @Inject
    MeterRegistry meters;

    /** The jobs of this instance not finished yet (queued or running). */
    private final Map<String, BacktestJob> local = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> daemon(r, "backtest"));
    private String instance;

    void onStart(@Observes StartupEvent event) {
        instance = config.instanceName().orElseGet(BacktestService::hostName);
        interruptOwnJobs();
        Gauge.builder("shophealth.backtests.running", local, Map::size)
                .description("Backtests running or queued on this instance").register(meters);
        Gauge.builder("shophealth.backtest.progress", this, BacktestService::runningProgress)
                .description("Share done (0-1) of the backtest running on this instance, 0 when none").register(meters);
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /**
     * Marks INTERRUPTED the jobs this instance left RUNNING when it stopped: an instance has no job of its own
     * running before it starts. Package-private for the test that stands in for a restart.
     */
    void interruptOwnJobs() {
        int marked = jobs.interrupt(instance, local.keySet());
        if (marked > 0) {
            LOG.warnf("%d backtest(s) of this instance (%s) were running when it stopped: marked INTERRUPTED", marked,
                    instance);
        }
    }

    /** This instance's name, as its backtests record it. */
    String instance() {
        return instance;
    }

    /** Starts a backtest of stored version {@code revision} over [from, to); a missing (or blank) end answers 400. */
    public BacktestJob.View start(String revision, Instant from, Instant to) {
        validate(from, to);
        CompiledRuleset candidate = store.compiled(revision);
        CompiledRuleset active = decisions.active();
        StoredBacktest row = new StoredBacktest();
        row.id = UUID.randomUUID().toString();
        row.candidateRevision = revision;
        row.activeRevision = active.revision();
        row.periodFrom = from;
        row.periodTo = to;
        row.state = BacktestJob.State.RUNNING;
        row.total = 1;
        row.startedBy = audit.actor();
        row.instance = instance;
        row.startedAt = Instant.now();
        row.heartbeatAt = row.startedAt;
        QuarkusTransaction.requiringNew().run(() -> {
            jobs.create(row);
            audit.record("BACKTEST_STARTED", revision, "against " + active.revision() + ", " + from + " to " + to);
        });
        BacktestJob job = new BacktestJob(row.id, new Flush(row.id)::maybe);
        local.put(job.id, job);
        executor.submit(() -> run(job, active, candidate, from, to));
        return BacktestJob.view(row, null);
    }

    private void run(BacktestJob job, CompiledRuleset active, CompiledRuleset candidate, Instant from, Instant to) {
        try {
            end(job, active, candidate, from, to);
        } catch (Throwable e) {
            // the Future that submit returns keeps what run throws and nobody reads it: the job would read RUNNING,
            // then INTERRUPTED once stale, with nothing in the log
            LOG.error("Backtest " + job.id + ": its end could not be written", e);
        } finally {
            local.remove(job.id);
        }
    }

    /**
     * Runs the job and writes its end; any Throwable fails it. An Error too: it would leave the job RUNNING (the
     * Evaluator turns a rule's Error into an evaluation's error, but not the rest of the work, such as an
     * OutOfMemoryError while the changed decisions pile up).
     */
    private void end(BacktestJob job, CompiledRuleset active, CompiledRuleset candidate, Instant from, Instant to) {
        try {
            BacktestReport report = runner.run(job, active, candidate, from, to);
            jobs.finish(job.id, job.cancelled.get() ? BacktestJob.State.CANCELLED : BacktestJob.State.DONE, null,
                    job.done.get(), job.total, report);
        } catch (Throwable e) {
            LOG.error("Backtest " + job.id + " failed", e);
            jobs.finish(job.id, BacktestJob.State.FAILED, "The backtest failed; see the service log", job.done.get(),
                    job.total, null);
        }
    }

    public BacktestJob.View get(String id) {
        return jobs.get(id, local::containsKey);
    }

    /** Asks a running job to stop, whichever instance runs it; it stops between two units of work. */
    public BacktestJob.View cancel(String id) {
        BacktestJob.View view = jobs.requestCancel(id, local::containsKey,
                () -> audit.record("BACKTEST_CANCELLED", id, null));
        BacktestJob job = local.get(id);
        if (job != null) {
            job.cancelled.set(true);
        }
        return view;
    }

    /** A version's backtests, newest first, without their reports. */
    public List<BacktestJob.View> of(String revision) {
        return jobs.of(revision);
    }

    /**
     * The newest finished backtest of {@code candidate} against {@code active} that finished at or after
     * {@code notBefore}, without its report: what an activation may rest on.
     */
    public Optional<BacktestJob.View> usable(String candidate, String active, Instant notBefore) {
        return jobs.usable(candidate, active, notBefore);
    }

    private static void validate(Instant from, Instant to) {
        List<FieldError> missing = new ArrayList<>();
        if (from == null) {
            missing.add(new FieldError("from", "is required: a date (2026-08-01) or an instant"));
        }
        if (to == null) {
            missing.add(new FieldError("to", "is required: a date (2026-11-26) or an instant"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing.stream().map(e -> e.field() + " " + e.message())
                    .collect(Collectors.joining("; ")), missing);
        }
        if (!from.isBefore(to)) {
            throw ProblemException.badRequest("from", "must be before 'to'");
        }
    }

    /** Marks this instance's running jobs alive, so other instances do not read them as INTERRUPTED. */
    @Scheduled(identity = "backtest-heartbeat", every = HEARTBEAT,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void beat() {
        try {
            if (!local.isEmpty()) {
                jobs.heartbeat(local.keySet());
            }
        } catch (RuntimeException e) {
            LOG.warn("Backtest heartbeat: cannot write to the database", e);
        }
    }

    private double runningProgress() {
        return local.values().stream().filter(j -> j.done.get() > 0).findFirst()
                .map(j -> Math.min(1.0, (double) j.done.get() / Math.max(1, j.total))).orElse(0.0);
    }

    /** Writes a running job's progress at most once a second, and picks up a cancel asked on another instance. */
    private final class Flush {
        private final String id;
        private long last;

        Flush(String id) {
            this.id = id;
        }

        void maybe() {
            long now = System.nanoTime();
            BacktestJob job = local.get(id);
            if (now - last < 1_000_000_000L || job == null) {
                return;
            }
            last = now;
            try {
                if (jobs.progress(id, job.done.get(), job.total)) {
                    job.cancelled.set(true);
                }
            } catch (RuntimeException e) {
                LOG.warn("Backtest " + id + ": cannot write its progress", e);
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
