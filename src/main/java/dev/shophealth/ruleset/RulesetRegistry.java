package dev.shophealth.ruleset;

import dev.shophealth.ruleset.engine.CheckTimedOutException;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.IsolatedCheck;
import dev.shophealth.ruleset.engine.RulesetFiles;
import dev.shophealth.ruleset.engine.RulesetProblem;
import dev.shophealth.ruleset.engine.RulesetRejectedException;

import dev.shophealth.ruleset.RulesetActivation;
import dev.shophealth.ruleset.RulesetStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Holds the active ruleset behind one atomic reference. A reload compiles and checks a candidate on the side and
 * swaps it in only when it passed everything; evaluations in flight finish on the ruleset they started with, and
 * never wait for a reload. Reloads are serialised.
 */
@ApplicationScoped
public class RulesetRegistry {

    private static final Logger LOG = Logger.getLogger(RulesetRegistry.class);
    /** The scheduler's name for the folder watcher's job, which exists only while the watcher is on. */
    public static final String WATCHER = "rules-watcher";
    /** The scheduler's name for the job that tries the start-up ruleset again after its check ran out of time. */
    public static final String START_RETRY = "ruleset-start-retry";

    /** The last rejected candidate, for analysts: when, which revision, and why. */
    public record ReloadFailure(Instant at, String revision, List<RulesetProblem> problems) {
    }

    @Inject
    RulesetConfig config;

    @Inject
    RulesetStore store;

    @Inject
    dev.shophealth.security.Audit audit;

    @Inject
    Scheduler scheduler;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;
    /** {@code shophealth_ruleset_active{revision}} = 1 for the revision this instance serves. */
    private io.micrometer.core.instrument.MultiGauge activeRevision;

    @jakarta.annotation.PostConstruct
    void meters() {
        activeRevision = io.micrometer.core.instrument.MultiGauge.builder("shophealth.ruleset.active")
                .description("The ruleset revision this instance serves (1)").register(meters);
    }

    private final AtomicReference<CompiledRuleset> active = new AtomicReference<>();
    private final AtomicReference<ReloadFailure> lastFailure = new AtomicReference<>();
    private volatile Instant activatedAt;

    /** The child started ahead for the next check is stopped with the service. */
    void onStop(@Observes io.quarkus.runtime.ShutdownEvent event) {
        IsolatedCheck.prestart(false);
    }

    /** Runs before the sample loader, whose cancellation requests the rules screen. */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        IsolatedCheck.prestart(config.checkPrestart());
        if (!start()) {
            scheduler.newJob(START_RETRY).setInterval(config.startRetryInterval().toString())
                    .setDelayed(config.startRetryInterval().toString())
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                    .setTask(execution -> {
                        if (active().isPresent() || start()) {
                            scheduler.unscheduleJob(START_RETRY);
                        }
                    }).schedule();
        }
        if (config.watch() && !config.governance().singlePerson()) {
            LOG.warn("shophealth.rules.watch is ignored: the folder watcher activates without a second analyst, so it"
                    + " runs only in single-person mode (shophealth.rules.governance.single-person=true)");
        } else if (config.watch()) {
            startWatcher();
        }
    }

    /**
     * Serves the start-up ruleset: the fleet's revision or the folder. False only when its check ran out of time, so
     * that it is worth trying again; rejected rules stay rejected until someone fixes and reloads them.
     */
    private boolean start() {
        try {
            if (config.source() != RulesetConfig.Source.DATABASE || !adoptFleetRevision()) {
                reload(RulesetActivation.Kind.STARTUP);
            }
        } catch (CheckTimedOutException e) {
            LOG.warnf("The start-up ruleset's check did not finish in time (%s); no ruleset is active, trying again "
                    + "in %d ms", e.problems().get(0).message(), config.startRetryInterval().toMillis());
            return false;
        } catch (RulesetRejectedException e) {
            LOG.errorf("The rules in %s are rejected; no ruleset is active until they are fixed and reloaded:%n%s",
                    config.dir().toAbsolutePath(), e.problems().stream().map(RulesetProblem::toString)
                            .collect(Collectors.joining("\n")));
        } catch (RuntimeException e) {
            LOG.errorf(e, "The rules in %s cannot be read", config.dir().toAbsolutePath());
        }
        return true;
    }

    /** Serves the revision the database names, if it names one; false when the database has no activation. */
    private boolean adoptFleetRevision() {
        var latest = store.latestActivation();
        latest.ifPresent(a -> syncTo(a.toRevision));
        return latest.isPresent();
    }

    /**
     * Serves {@code revision} from the stored versions, as another instance activated it. The version is
     * compiled and checked here too: an instance never serves a ruleset that fails its checks.
     */
    public synchronized void syncTo(String revision) {
        if (active().map(r -> r.revision().equals(revision)).orElse(false)) {
            return;
        }
        CompiledRuleset ruleset = store.compiled(revision);
        swap(ruleset);
    }

    /**
     * Runs {@code action} while no activation, reload or sync of this registry can run: an activation commits its
     * record and swaps inside this lock, so what the action reads of the database's activations is not overtaken by
     * one in flight here ({@code FleetSync} reads the latest activation and follows it in one such action).
     */
    public synchronized void exclusively(Runnable action) {
        action.run();
    }

    /** The active ruleset, if one has ever loaded. */
    public Optional<CompiledRuleset> active() {
        return Optional.ofNullable(active.get());
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public Optional<ReloadFailure> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /** Reads the rules folder again; activates it if it passes every check, else keeps the active one. */
    public ReloadReport reload() {
        return reload(RulesetActivation.Kind.RELOAD);
    }

    /**
     * The one way a ruleset becomes active: stored as a version, recorded as an activation (both in one
     * transaction), then served, then audited. The actor is the authenticated user ("system" at start-up and for
     * the folder watcher), for reloads, activations and rollbacks alike.
     */
    public ReloadReport activate(CompiledRuleset candidate, RulesetActivation.Kind kind) {
        return activate(candidate, kind, RulesetActivation.Evidence.NONE);
    }

    /** {@link #activate(CompiledRuleset, RulesetActivation.Kind)}, recording what the activation rested on. */
    public synchronized ReloadReport activate(CompiledRuleset candidate, RulesetActivation.Kind kind,
            RulesetActivation.Evidence evidence) {
        meters.counter("shophealth.ruleset.activations", "kind", kind.name()).increment();
        String by = audit.actor();
        CompiledRuleset before = active.get();
        QuarkusTransaction.joiningExisting().run(() -> {
            store.save(candidate, by, kind.name().toLowerCase(java.util.Locale.ROOT));
            store.recordActivation(kind, by, before == null ? null : before.revision(), candidate.revision(), evidence);
        });
        swap(candidate);
        audit.record("RULESET_" + kind.name(), candidate.revision(), "from " + (before == null ? "none"
                : before.revision()) + " by " + by);
        return ReloadReports.of(before, candidate);
    }

    private synchronized ReloadReport reload(RulesetActivation.Kind kind) {
        long start = System.nanoTime();
        String outcome = "failed";
        try {
            ReloadReport report = checkAndActivate(kind);
            outcome = report.changed() ? "activated" : "unchanged";
            return report;
        } catch (RulesetRejectedException e) {
            outcome = "rejected";
            throw e;
        } finally {
            io.micrometer.core.instrument.Timer.builder("shophealth.ruleset.reloads")
                    .description("Reloads of the rules folder (checked in the check process) by outcome")
                    .tag("kind", kind.name()).tag("outcome", outcome).register(meters)
                    .record(java.time.Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private ReloadReport checkAndActivate(RulesetActivation.Kind kind) {
        RulesetFiles files = RulesetFiles.read(config.dir());
        CompiledRuleset before = active.get();
        if (before != null && before.revision().equals(files.revision())) {
            return ReloadReports.of(before, before);
        }
        if (kind == RulesetActivation.Kind.STARTUP && store.latestActivation()
                .map(a -> a.toRevision.equals(files.revision())).orElse(false)) {
            // the folder is what the database says is active already: serve it without a new activation
            CompiledRuleset same = IsolatedCheck.compile(files, config.checkLimits());
            swap(same);
            return ReloadReports.of(null, same);
        }
        CompiledRuleset candidate;
        try {
            candidate = IsolatedCheck.compile(files, config.checkLimits());
        } catch (RulesetRejectedException e) {
            lastFailure.set(new ReloadFailure(Instant.now(), files.revision(), e.problems()));
            throw e;
        }
        lastFailure.set(null);
        return activate(candidate, kind);
    }

    private void swap(CompiledRuleset candidate) {
        CompiledRuleset before = active.getAndSet(candidate);
        activeRevision.register(java.util.List.of(io.micrometer.core.instrument.MultiGauge.Row.of(
                io.micrometer.core.instrument.Tags.of("revision", candidate.revision()), 1)), true);
        activatedAt = Instant.now();
        LOG.infof("Ruleset %s active (%d rules, %d scenarios passed)%s", candidate.revision(),
                candidate.rules().size(), candidate.scenarioResults().size(),
                before == null ? "" : ", replacing " + before.revision());
    }

    /**
     * Looks at the folder every {@code watch-interval}, the first time one interval after start-up; a look that is
     * still compiling when the next one is due makes that one skip, never wait.
     */
    private void startWatcher() {
        String every = config.watchInterval().toString();
        scheduler.newJob(WATCHER).setInterval(every).setDelayed(every)
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setTask(execution -> reloadIfChanged()).schedule();
        LOG.infof("Watching %s for changes every %d ms", config.dir().toAbsolutePath(),
                config.watchInterval().toMillis());
    }

    private void reloadIfChanged() {
        try {
            String revision = RulesetFiles.read(config.dir()).revision();
            String current = active().map(CompiledRuleset::revision).orElse(null);
            String failed = lastFailure().map(ReloadFailure::revision).orElse(null);
            if (!revision.equals(current) && !Objects.equals(revision, failed)) {
                reload();
            }
        } catch (RulesetRejectedException e) {
            LOG.warnf("Changed rules rejected, %s stays active: %s", active().map(CompiledRuleset::revision)
                    .orElse("none"), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Rules watcher: cannot read the rules folder", e);
        }
    }
}
