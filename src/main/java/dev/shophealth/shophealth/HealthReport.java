package dev.shophealth.shophealth;

import dev.shophealth.outcome.FiredRule;
import dev.shophealth.outcome.ScoreContribution;
import dev.shophealth.decision.EvaluationReport.ConsequenceView;
import dev.shophealth.decision.EvaluationReport.FindingView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a shop stands: a 0–100 risk score of a rating downgrade, its level, the metrics per window, what the
 * platform is likely to do, what was found and what to do first. {@code scoreBreakdown} sums exactly to
 * {@code riskScore}. {@code decisionId} is null for reports that are not recorded (posted histories).
 */
public record HealthReport(String shopId, Instant asOf, String rulesetRevision, String decisionId, int riskScore,
        RiskLevel riskLevel, Map<String, WindowMetrics> metrics, List<ConsequenceView> consequences,
        List<FindingView> findings, List<RankedSuggestion> suggestions, List<ScoreContribution> scoreBreakdown,
        List<FiredRule> firedRules, String error) {

    /** A suggestion with the risk points of the finding behind it: fixing that cause is expected to remove them. */
    public record RankedSuggestion(String code, int priority, int expectedEffect, String message, String ruleId) {
    }
}
