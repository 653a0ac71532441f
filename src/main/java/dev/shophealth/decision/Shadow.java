package dev.shophealth.decision;

import dev.shophealth.common.AfterCommit;
import dev.shophealth.common.PageResponse;
import dev.shophealth.common.ProblemException;
import dev.shophealth.decisionlog.DecisionLog;
import dev.shophealth.decisionlog.DecisionLogEntry;
import dev.shophealth.fact.Given;
import dev.shophealth.ruleset.RulesetConfig;
import dev.shophealth.ruleset.RulesetRegistry;
import dev.shophealth.ruleset.RulesetShadow;
import dev.shophealth.ruleset.RulesetStore;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.Evaluation;
import dev.shophealth.ruleset.engine.Evaluator;
import dev.shophealth.security.Audit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Shadow mode: one stored candidate evaluates every live screening beside the active ruleset and decides nothing.
 * It runs after the screening's transaction committed, on a thread of its own with a bounded queue, so it can
 * neither fail nor slow a screening: its errors (a time limit hit included) are counted and logged, a full queue
 * drops the comparison and counts it. It compares the facts the active ruleset was given (as a backtest does), and
 * stores each screening whose verdict it would give otherwise. The candidate is named in the database, so every
 * instance of a fleet runs the same one ({@link #follow()}).
 */
@ApplicationScoped
public class Shadow {

    private static final Logger LOG = Logger.getLogger(Shadow.class);

    @Inject
    RulesetStore store;
    @Inject
    RulesetRegistry registry;
    @Inject
    RulesetConfig config;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    MeterRegistry meters;
    @Inject
    Audit audit;

    private final AtomicReference<CompiledRuleset> candidate = new AtomicReference<>();
    private volatile String refused;
    private ThreadPoolExecutor executor;
    private Counter agreed;
    private Counter disagreed;
    private Counter errors;
    private Counter dropped;

    @PostConstruct
    void init() {
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.governance().shadowQueue())), r -> {
                    Thread t = new Thread(r, "shadow-ruleset");
                    t.setDaemon(true);
                    return t;
                });
        agreed = counter("agreed");
        disagreed = counter("disagreed");
        errors = counter("error");
        dropped = counter("dropped");
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** Puts stored version {@code revision} in shadow (replacing any other); it is compiled and checked first. */
    public ShadowReport set(String revision) {
        CompiledRuleset ruleset = store.compiled(revision);
        if (registry.active().map(a -> a.revision().equals(revision)).orElse(false)) {
            throw ProblemException.conflict("Version " + revision + " is the active ruleset; a shadow must be another");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            RulesetShadow row = RulesetShadow.current().orElseGet(RulesetShadow::new);
            row.id = RulesetShadow.ONE;
            row.revision = revision;
            row.setBy = audit.actor();
            row.setAt = Instant.now();
            row.persist();
            audit.record("RULESET_SHADOW_SET", revision, "beside " + registry.active().map(CompiledRuleset::revision)
                    .orElse("none"));
        });
        candidate.set(ruleset);
        refused = null;
        return report();
    }

    /** Takes the candidate out of shadow; 404 when none is there. */
    public void clear() {
        QuarkusTransaction.requiringNew().run(() -> {
            RulesetShadow row = RulesetShadow.current()
                    .orElseThrow(() -> ProblemException.notFound("No ruleset is in shadow"));
            row.delete();
            audit.record("RULESET_SHADOW_CLEARED", row.revision, null);
        });
        candidate.set(null);
    }

    /** Runs the candidate the database names (another instance may have changed it); called by the fleet sync. */
    public void follow() {
        String wanted = QuarkusTransaction.requiringNew().call(() -> RulesetShadow.current().map(r -> r.revision)
                .orElse(null));
        CompiledRuleset now = candidate.get();
        if (Objects.equals(wanted, now == null ? null : now.revision()) || (wanted != null && wanted.equals(refused))) {
            return;
        }
        try {
            candidate.set(wanted == null ? null : store.compiled(wanted));
        } catch (RuntimeException e) {
            refused = wanted;
            candidate.set(null);
            LOG.errorf("Ruleset %s, put in shadow elsewhere, fails its checks here; no shadow runs: %s", wanted,
                    e.getMessage());
        }
    }

    /**
     * Compares a live screening with the shadow, once its transaction has committed; never throws. Called by
     * {@link Decisions} for every recorded decision.
     */
    void compare(DecisionLog.Kind kind, String subject, String decisionId, Given given, Evaluation live, Instant at) {
        CompiledRuleset shadow = candidate.get();
        if (shadow == null || kind != DecisionLog.Kind.SCREENING || shadow.revision().equals(live.rulesetRevision())) {
            return;
        }
        try {
            AfterCommit.run(transactions, () -> submit(() -> evaluate(shadow, subject, decisionId, given, live, at)));
        } catch (RuntimeException e) {
            errors.increment();
            LOG.warn("Shadow comparison of decision " + decisionId + " not scheduled", e);
        }
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            dropped.increment();
        }
    }

    private void evaluate(CompiledRuleset shadow, String subject, String decisionId, Given given, Evaluation live,
            Instant at) {
        try {
            Evaluation s = Evaluator.evaluate(shadow, given);
            if (s.failed()) {
                errors.increment();
                LOG.warnf("Shadow ruleset %s failed on decision %s: %s", shadow.revision(), decisionId, s.error());
                return;
            }
            if (s.verdict() == live.verdict()) {
                agreed.increment();
                return;
            }
            disagreed.increment();
            QuarkusTransaction.requiringNew().run(() -> {
                ShadowDisagreement d = new ShadowDisagreement();
                d.decisionId = decisionId;
                d.subject = subject;
                d.decidedAt = at;
                d.activeRevision = live.rulesetRevision();
                d.shadowRevision = shadow.revision();
                d.activeVerdict = live.verdict().name();
                d.shadowVerdict = s.verdict().name();
                d.rulesResponsible = String.join(",", live.rulesFiredInOnlyOne(s));
                d.persist();
            });
        } catch (RuntimeException | LinkageError e) {
            errors.increment();
            LOG.warn("Shadow ruleset " + shadow.revision() + " failed on decision " + decisionId, e);
        }
    }

    /** The candidate in shadow and its comparison so far. */
    public ShadowReport report() {
        String active = registry.active().map(CompiledRuleset::revision).orElse(null);
        return QuarkusTransaction.requiringNew().call(() -> RulesetShadow.current().map(r -> new ShadowReport(
                r.revision, r.setBy, r.setAt, active,
                DecisionLogEntry.count("kind = 'SCREENING' and decidedAt >= ?1", r.setAt),
                ShadowDisagreement.count("shadowRevision = ?1 and decidedAt >= ?2", r.revision, r.setAt),
                evaluated(), (long) errors.count(), (long) dropped.count()))
                .orElse(new ShadowReport(null, null, null, active, 0, 0, evaluated(), (long) errors.count(),
                        (long) dropped.count())));
    }

    /** Disagreements of {@code revision} (the one in shadow when null), newest first. */
    public PageResponse<ShadowReport.Disagreement> disagreements(String revision, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String of = revision != null ? revision : RulesetShadow.current().map(r -> r.revision).orElse(null);
            if (of == null) {
                return new PageResponse<>(java.util.List.of(), page, size, 0);
            }
            var query = ShadowDisagreement.<ShadowDisagreement>find("shadowRevision = ?1", Sort.descending("decidedAt",
                    "id"), of);
            return new PageResponse<>(query.page(page, size).list().stream().map(ShadowReport.Disagreement::of)
                    .toList(), page, size, query.count());
        });
    }

    private long evaluated() {
        return (long) (agreed.count() + disagreed.count() + errors.count());
    }

    private Counter counter(String outcome) {
        return Counter.builder("shophealth.shadow.evaluations").tag("outcome", outcome)
                .description("Live screenings evaluated by the ruleset in shadow, by outcome").register(meters);
    }
}
