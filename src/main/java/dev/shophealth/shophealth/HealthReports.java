package dev.shophealth.shophealth;

import dev.shophealth.fact.Given;
import dev.shophealth.fact.ShopWindowFact;
import dev.shophealth.outcome.ScoreContribution;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.Evaluation;
import dev.shophealth.ruleset.EvaluationReport;
import dev.shophealth.ruleset.engine.Evaluator;
import dev.shophealth.ruleset.RulesetService;
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
    RulesetService rulesets;

    /** The evaluation of one shop's windows. */
    public Evaluation evaluate(CompiledRuleset ruleset, List<ShopWindowFact> windows) {
        return Evaluator.evaluate(ruleset, given(windows));
    }

    static Given given(List<ShopWindowFact> windows) {
        return new Given(null, null, windows, null);
    }

    public RiskLevel level(CompiledRuleset ruleset, Evaluation e) {
        return RiskLevel.of(e.score(), ruleset.parameters().parameters());
    }

    HealthReport report(String shopId, Instant asOf, CompiledRuleset ruleset, List<ShopWindowFact> windows,
            Evaluation e, String decisionId, Locale locale) {
        EvaluationReport r = rulesets.render(e, locale);
        Map<String, WindowMetrics> metrics = new LinkedHashMap<>();
        windows.forEach(w -> metrics.put(w.window(), WindowMetrics.of(w)));
        return new HealthReport(shopId, asOf, e.rulesetRevision(), decisionId, e.score(), level(ruleset, e), metrics,
                r.consequences(), r.findings(), ranked(e, r), e.scoreBreakdown(), e.firedRules(), e.error());
    }

    /** Suggestions by expected effect (the points of the rule that suggests them), then by priority. */
    private static List<HealthReport.RankedSuggestion> ranked(Evaluation e, EvaluationReport r) {
        Map<String, Integer> pointsByRule = new HashMap<>();
        for (ScoreContribution c : e.scoreBreakdown()) {
            pointsByRule.merge(c.ruleId(), c.points(), Integer::sum);
        }
        Set<String> seen = new LinkedHashSet<>();
        return r.suggestions().stream()
                .map(s -> new HealthReport.RankedSuggestion(s.code(), s.priority(),
                        pointsByRule.getOrDefault(s.ruleId(), 0), s.message(), s.ruleId()))
                .sorted(Comparator.comparingInt(HealthReport.RankedSuggestion::expectedEffect).reversed()
                        .thenComparingInt(HealthReport.RankedSuggestion::priority))
                .filter(s -> seen.add(s.code()))
                .toList();
    }
}
