package dev.shophealth.shophealth;

import dev.shophealth.common.ProblemException;
import dev.shophealth.decisionlog.DecisionLog;
import dev.shophealth.fact.ShopWindowFact;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.Evaluation;
import dev.shophealth.ruleset.NoActiveRulesetException;
import dev.shophealth.ruleset.RulesetRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A shop's health now or at a past date, and its trend; each report is recorded in the decision log. */
@ApplicationScoped
public class ShopHealthService {

    /** A trend has at most this many points. */
    static final int MAX_POINTS = 400;

    /** One point of a trend. */
    public record TrendPoint(Instant asOf, int riskScore, RiskLevel riskLevel) {
    }

    /** A shop's trend, all points computed with one ruleset. */
    public record Trend(String shopId, String rulesetRevision, List<TrendPoint> points) {
    }

    @Inject
    MetricsQueries metrics;
    @Inject
    HealthReports reports;
    @Inject
    RulesetRegistry rulesets;
    @Inject
    DecisionLog decisionLog;
    @Inject
    dev.shophealth.order.ShopScope scope;

    @Transactional
    public HealthReport report(String shopId, Instant asOf, Locale locale) {
        scope.requireShop(shopId);
        CompiledRuleset ruleset = rulesets.active().orElseThrow(NoActiveRulesetException::new);
        List<ShopWindowFact> windows = windows(shopId, asOf);
        Evaluation e = reports.evaluate(ruleset, windows);
        String decisionId = decisionLog.record(DecisionLog.Kind.SHOP_HEALTH, shopId, HealthReports.given(windows), e,
                Instant.now());
        return reports.report(shopId, asOf, ruleset, windows, e, decisionId, locale);
    }

    @Transactional
    public Trend history(String shopId, Instant from, Instant to, Duration step) {
        scope.requireShop(shopId);
        if (from.isAfter(to)) {
            throw ProblemException.badRequest("from", "must not be after 'to'");
        }
        if (Duration.between(from, to).dividedBy(step) >= MAX_POINTS) {
            throw ProblemException.badRequest("step", "gives more than " + MAX_POINTS + " points; take a longer step");
        }
        CompiledRuleset ruleset = rulesets.active().orElseThrow(NoActiveRulesetException::new);
        List<TrendPoint> points = new ArrayList<>();
        for (Instant at = from; !at.isAfter(to); at = at.plus(step)) {
            Evaluation e = reports.evaluate(ruleset, windows(shopId, at));
            points.add(new TrendPoint(at, e.score(), reports.level(ruleset, e)));
        }
        return new Trend(shopId, ruleset.revision(), points);
    }

    private List<ShopWindowFact> windows(String shopId, Instant asOf) {
        return metrics.windows(shopId, asOf).getOrDefault(shopId, MetricsQueries.empty());
    }

}
