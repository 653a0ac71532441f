package dev.shophealth.ruleset.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs backtests as jobs, one at a time in the background on the instance that started them; they read the decision
 * log and the shop data and write only their own row. The row (state, progress, report) is in the database: every
 * instance answers for every job, and a finished report outlives restarts. A job whose instance stopped is marked
 * INTERRUPTED: at that instance's next start, or by any instance once its heartbeat is {@link #STALE} old.
 */
@ApplicationScoped
public class BacktestService {

    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration STALE = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(BacktestService.class);

    @Inject
    RulesetStore store;
    @Inject
    Decisions decisions;
    @Inject
    BacktestRunner runner;
    @Inject
    ObjectMapper json;
    @Inject
    Audit audit;
    @Inject
    ShopHealthConfig config;
    @Inject
    MeterRegistry meters;

    /** The jobs of this instance not finished yet (queued or running). */
    private final Map<String, BacktestJob> local = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> daemon(r, "backtest"));
    private ScheduledExecutorService heartbeat;
    private String instance;

    void onStart(@Observes StartupEvent event) {
        instance = config.instanceName().orElseGet(BacktestService::hostName);
        interruptOwnJobs();
        registerMeters();
    }

    /**
     * Marks INTERRUPTED the jobs this instance left RUNNING when it stopped: an instance has no job of its own
     * running before it starts. Package-private for the test that stands in for a restart.
     */
    void interruptOwnJobs() {
        // the jobs running here now are not of the previous run (none at a real start)
        List<String> mine = local.isEmpty() ? List.of("") : List.copyOf(local.keySet());
        int marked = QuarkusTransaction.requiringNew().call(() -> StoredBacktest.update("state = ?1, error = ?2, "
                + "finishedAt = ?3 where state = ?4 and instance = ?5 and id not in ?6", BacktestJob.State.INTERRUPTED,
                "Interrupted: the instance running it (" + instance + ") stopped before it finished; start it again",
                Instant.now(), BacktestJob.State.RUNNING, instance, mine));
        if (marked > 0) {
            LOG.warnf("%d backtest(s) of this instance (%s) were running when it stopped: marked INTERRUPTED", marked,
                    instance);
        }
    }

    /** This instance's name, as its backtests record it. */
    String instance() {
        return instance;
    }

    private void registerMeters() {
        Gauge.builder("shophealth.backtests.running", local, Map::size)
                .description("Backtests running or queued on this instance").register(meters);
        Gauge.builder("shophealth.backtest.progress", this, BacktestService::runningProgress)
                .description("Share done (0-1) of the backtest running on this instance, 0 when none").register(meters);
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "backtest-heartbeat"));
        long millis = HEARTBEAT.toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
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
            row.persist();
            audit.record("BACKTEST_STARTED", revision, "against " + active.revision() + ", " + from + " to " + to);
        });
        BacktestJob job = new BacktestJob(row.id, new Flush(row.id)::maybe);
        local.put(job.id, job);
        executor.submit(() -> run(job, active, candidate, from, to));
        return BacktestJob.view(row, null);
    }

    private void run(BacktestJob job, CompiledRuleset active, CompiledRuleset candidate, Instant from, Instant to) {
        try {
            BacktestReport report = runner.run(job, active, candidate, from, to);
            finish(job, job.cancelled.get() ? BacktestJob.State.CANCELLED : BacktestJob.State.DONE, null, report);
        } catch (RuntimeException e) {
            LOG.error("Backtest " + job.id + " failed", e);
            finish(job, BacktestJob.State.FAILED, "The backtest failed; see the service log", null);
        } finally {
            local.remove(job.id);
        }
    }

    private void finish(BacktestJob job, BacktestJob.State state, String error, BacktestReport report) {
        String text = report == null || state != BacktestJob.State.DONE ? null : write(report);
        QuarkusTransaction.requiringNew().run(() -> {
            StoredBacktest row = StoredBacktest.findById(job.id);
            row.state = state;
            row.error = error;
            row.done = job.done.get();
            row.total = job.total;
            row.finishedAt = Instant.now();
            row.heartbeatAt = row.finishedAt;
            if (text != null) {
                row.report = text;
                row.verdictsChanged = report.changedDecisions().size();
                row.levelsChanged = report.changedLevels().size();
            }
        });
    }

    public BacktestJob.View get(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredBacktest row = row(id);
            interruptIfStale(row);
            return BacktestJob.view(row, read(row.report));
        });
    }

    /** Asks a running job to stop, whichever instance runs it; it stops between two units of work. */
    public BacktestJob.View cancel(String id) {
        BacktestJob.View view = QuarkusTransaction.requiringNew().call(() -> {
            StoredBacktest row = row(id);
            interruptIfStale(row);
            if (row.state != BacktestJob.State.RUNNING) {
                throw ProblemException.conflict("Backtest " + id + " is " + row.state + " already");
            }
            row.cancelRequested = true;
            audit.record("BACKTEST_CANCELLED", row.candidateRevision, id);
            return BacktestJob.view(row, null);
        });
        BacktestJob job = local.get(id);
        if (job != null) {
            job.cancelled.set(true);
        }
        return view;
    }

    /** A version's backtests, newest first, without their reports. */
    public List<BacktestJob.View> of(String revision) {
        return QuarkusTransaction.requiringNew().call(() -> StoredBacktest.<StoredBacktest>list(
                "candidateRevision = ?1 order by startedAt desc", revision).stream()
                .map(r -> BacktestJob.view(r, null)).toList());
    }

    /**
     * The newest finished backtest of {@code candidate} against {@code active} that finished at or after
     * {@code notBefore}, without its report: what an activation may rest on.
     */
    public Optional<BacktestJob.View> usable(String candidate, String active, Instant notBefore) {
        return QuarkusTransaction.requiringNew().call(() -> StoredBacktest.<StoredBacktest>find(
                "candidateRevision = ?1 and activeRevision = ?2 and state = ?3 and finishedAt >= ?4 "
                        + "order by finishedAt desc", candidate, active, BacktestJob.State.DONE, notBefore)
                .firstResultOptional().map(r -> BacktestJob.view(r, null)));
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

    private StoredBacktest row(String id) {
        StoredBacktest row = StoredBacktest.findById(id);
        if (row == null) {
            throw ProblemException.notFound("No backtest '" + id + "'");
        }
        return row;
    }

    /** A RUNNING job of another instance that stopped sending heartbeats is not running any more. */
    private void interruptIfStale(StoredBacktest row) {
        if (row.state == BacktestJob.State.RUNNING && !local.containsKey(row.id)
                && row.heartbeatAt.isBefore(Instant.now().minus(STALE))) {
            row.state = BacktestJob.State.INTERRUPTED;
            row.finishedAt = Instant.now();
            row.error = "Interrupted: its instance (" + row.instance + ") sent no progress since " + row.heartbeatAt
                    + "; start it again";
        }
    }

    /** Tells every instance that this one's jobs are alive, queued ones included. */
    private void beat() {
        try {
            if (!local.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> StoredBacktest.update(
                        "heartbeatAt = ?1 where id in ?2 and state = ?3", Instant.now(), List.copyOf(local.keySet()),
                        BacktestJob.State.RUNNING));
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
            if (now - last < 1_000_000_000L) {
                return;
            }
            last = now;
            BacktestJob job = local.get(id);
            if (job == null) {
                return;
            }
            try {
                boolean cancel = QuarkusTransaction.requiringNew().call(() -> {
                    StoredBacktest row = StoredBacktest.findById(id);
                    row.done = job.done.get();
                    row.total = job.total;
                    row.heartbeatAt = Instant.now();
                    return row.cancelRequested;
                });
                if (cancel) {
                    job.cancelled.set(true);
                }
            } catch (RuntimeException e) {
                LOG.warn("Backtest " + id + ": cannot write its progress", e);
            }
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
