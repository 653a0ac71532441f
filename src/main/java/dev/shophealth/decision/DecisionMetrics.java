package dev.shophealth.decision;

import dev.shophealth.outcome.FiredRule;
import dev.shophealth.ruleset.engine.Evaluation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus series of every decision, recorded where decisions are made ({@link Decisions}):
 * <ul>
 * <li>{@code shophealth_decisions_total{kind, verdict, outcome}} — kind SCREENING, SHOP_HEALTH or TRIAL (trying
 * facts, trends, backtests, replays: not recorded in the log); verdict APPROVE/REJECT/MANUAL_REVIEW, NONE for health
 * reports (they have no verdict);
 * outcome ok, or error when the evaluation ended in an error (deadline, firing bound, a failing rule);</li>
 * <li>{@code shophealth_evaluation_seconds{kind}} — rule evaluation time, with a histogram for quantiles;</li>
 * <li>{@code shophealth_rule_fires_total{rule}} — fires by rule id, the live counterpart of coverage.</li>
 * </ul>
 */
@ApplicationScoped
public class DecisionMetrics {

    /** The kind of an evaluation that is not a recorded decision. */
    public static final String TRIAL = "TRIAL";

    @Inject
    MeterRegistry registry;

    /** The meters once registered, by their tags: an evaluation looks them up in a map, not in the registry. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Counter> fires = new ConcurrentHashMap<>();

    void evaluated(String kind, Evaluation e, Duration took) {
        timers.computeIfAbsent(kind, k -> Timer.builder("shophealth.evaluation").description("Rule evaluation time")
                .tag("kind", k).publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry)).record(took);
        decided(kind, e);
    }

    /**
     * A decision whose evaluation the caller remembered from equal facts with the same ruleset: it counts as a
     * decision, and its rules as fired, as if evaluated again; no evaluation time is recorded (none was spent).
     */
    void decided(String kind, Evaluation e) {
        String verdict = e.verdict() == null || kind.equals("SHOP_HEALTH") ? "NONE" : e.verdict().name();
        String outcome = e.failed() ? "error" : "ok";
        decisions.computeIfAbsent(kind + '|' + verdict + '|' + outcome, k -> Counter.builder("shophealth.decisions")
                .description("Decisions and trials by kind, verdict and outcome").tag("kind", kind)
                .tag("verdict", verdict).tag("outcome", outcome).register(registry)).increment();
        for (FiredRule rule : e.firedRules()) {
            fires.computeIfAbsent(rule.id(), id -> Counter.builder("shophealth.rule.fires")
                    .description("Rule firings by rule id").tag("rule", id).register(registry)).increment();
        }
    }
}
