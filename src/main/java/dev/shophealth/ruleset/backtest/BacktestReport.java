package dev.shophealth.ruleset.backtest;

import dev.shophealth.outcome.Verdict;
import dev.shophealth.shophealth.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a candidate ruleset would have decided over a period, against the active one: the recorded screenings
 * replayed with both, and every shop's health at dates in the period evaluated with both.
 */
public record BacktestReport(String activeRevision, String candidateRevision, Instant from, Instant to,
        long decisions, Map<Verdict, Long> activeVerdicts, Map<Verdict, Long> candidateVerdicts,
        List<ChangedDecision> changedDecisions, List<Instant> healthDates, Map<RiskLevel, Long> activeLevels,
        Map<RiskLevel, Long> candidateLevels, List<ChangedLevel> changedLevels) {

    /** A screening the candidate would decide otherwise, and the rules that make the difference. */
    public record ChangedDecision(String decisionId, String orderNo, Instant decidedAt, Verdict activeVerdict,
            Verdict candidateVerdict, List<String> rulesResponsible) {
    }

    /** A shop whose risk level would differ at a date. */
    public record ChangedLevel(String shopId, Instant asOf, RiskLevel activeLevel, RiskLevel candidateLevel,
            int activeScore, int candidateScore) {
    }
}
