package dev.shophealth.ruleset.backtest;

import dev.shophealth.outcome.Verdict;
import dev.shophealth.shophealth.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a candidate ruleset would have decided over a period, against the active one: the recorded screenings
 * replayed with both, and every shop's health at dates in the period evaluated with both; and how often each
 * ruleset agrees with what reviewers decided on the requests that went to a person.
 */
public record BacktestReport(String activeRevision, String candidateRevision, Instant from, Instant to,
        long decisions, Map<Verdict, Long> activeVerdicts, Map<Verdict, Long> candidateVerdicts,
        List<ChangedDecision> changedDecisions, List<Instant> healthDates, Map<RiskLevel, Long> activeLevels,
        Map<RiskLevel, Long> candidateLevels, List<ChangedLevel> changedLevels, Agreement activeAgreement,
        Agreement candidateAgreement) {

    /** A screening the candidate would decide otherwise, and the rules that make the difference. */
    public record ChangedDecision(String decisionId, String orderNo, Instant decidedAt, Verdict activeVerdict,
            Verdict candidateVerdict, List<String> rulesResponsible) {
    }

    /** A shop whose risk level would differ at a date. */
    public record ChangedLevel(String shopId, Instant asOf, RiskLevel activeLevel, RiskLevel candidateLevel,
            int activeScore, int candidateScore) {
    }

    /**
     * A ruleset against reviewers' final decisions, over the replayed screenings a person decided (APPROVED or
     * REJECTED by a reviewer): {@code agreed} gives the reviewer's verdict itself, {@code disagreed} the opposite
     * one, {@code deferred} sends it to a person again. {@code agreementRate} is agreed / humanDecisions (null
     * when no request of the period was decided by a person).
     */
    public record Agreement(long humanDecisions, long agreed, long disagreed, long deferred, Double agreementRate) {

        static Agreement of(long agreed, long disagreed, long deferred) {
            long n = agreed + disagreed + deferred;
            return new Agreement(n, agreed, disagreed, deferred, n == 0 ? null : Math.round(10000.0 * agreed / n) / 10000.0);
        }
    }
}
