package dev.shophealth.shophealth;

import dev.shophealth.decision.Decision;
import dev.shophealth.decision.Decisions;

import dev.shophealth.fact.Given;
import dev.shophealth.fact.ShopWindowFact;
import dev.shophealth.outcome.ScoreContribution;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.Evaluation;
import dev.shophealth.decision.EvaluationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Evaluates a shop's window facts with one ruleset and shapes the result as a {@link HealthReport}. */
@ApplicationScoped
public class HealthReports {

    @Inject
    Decisions decisions;

    /** The evaluation of one shop's windows with {@code ruleset} (one ruleset for a list or a trend), not recorded. */
    public Evaluation evaluate(CompiledRuleset ruleset, List<ShopWindowFact> windows) {
        return decisions.evaluate(ruleset, r -> given(windows)).evaluation();
    }

    /** What the rules are given for a shop's health: its window facts only. */
    public static Given given(List<ShopWindowFact> windows) {
        return new Given(null, null, windows, null);
    }

    public RiskLevel level(CompiledRuleset ruleset, Evaluation e) {
        return RiskLevel.of(e.score(), e.consequences(), ruleset.parameters().parameters());
    }

    /** The report of one decision about a shop, in {@code locale} with the texts of the ruleset that decided. */
    HealthReport report(String shopId, Instant asOf, Decision decision, Locale locale) {
        List<ShopWindowFact> windows = decision.given().windows();
        CompiledRuleset ruleset = decision.ruleset();
        Evaluation e = decision.evaluation();
        String decisionId = decision.decisionId();
        EvaluationReport r = decision.report(locale);
        Map<String, WindowMetrics> metrics = new LinkedHashMap<>();
        double z = ruleset.parameters().parameters().rateConfidenceZ();
        windows.forEach(w -> metrics.put(HealthWindows.key(w.days()), WindowMetrics.of(w, z)));
        return new HealthReport(shopId, asOf, e.rulesetRevision(), decisionId, e.score(), level(ruleset, e), metrics,
                r.consequences(), r.findings(), ranked(e, r), e.scoreBreakdown(), e.firedRules(), e.error());
    }

    /**
     * Suggestions by expected effect — the points of the score contributions whose remedy they are, so the first
     * suggestions remove the biggest parts of the score — then by priority, then in the order the rules gave them.
     */
    private static List<HealthReport.RankedSuggestion> ranked(Evaluation e, EvaluationReport r) {
        Map<String, Integer> pointsByRemedy = new HashMap<>();
        for (ScoreContribution c : e.scoreBreakdown()) {
            if (c.remedy() != null) {
                pointsByRemedy.merge(c.remedy(), c.points(), Integer::sum);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        return r.suggestions().stream()
                .map(s -> new HealthReport.RankedSuggestion(s.code(), s.priority(),
                        pointsByRemedy.getOrDefault(s.code(), 0), s.message(), s.ruleId()))
                .sorted(Comparator.comparingInt(HealthReport.RankedSuggestion::expectedEffect).reversed()
                        .thenComparingInt(HealthReport.RankedSuggestion::priority))
                .filter(s -> seen.add(s.code()))
                .toList();
    }
}
