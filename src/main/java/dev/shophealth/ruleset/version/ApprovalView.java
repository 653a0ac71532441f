package dev.shophealth.ruleset.version;

import dev.shophealth.ruleset.RulesetApproval;
import dev.shophealth.ruleset.backtest.BacktestJob;
import java.time.Instant;

/**
 * An approval of a version: who, when, why, and the backtest of it that was fresh at the time, with its headline
 * numbers (null when there was none).
 */
public record ApprovalView(String revision, String approvedBy, Instant approvedAt, String comment, String backtestId,
        Integer verdictsChanged, Integer levelsChanged) {

    static ApprovalView of(RulesetApproval a, BacktestJob.View backtest) {
        return new ApprovalView(a.revision, a.approvedBy, a.approvedAt, a.comment, a.backtestId,
                backtest == null ? null : backtest.verdictsChanged(), backtest == null ? null : backtest.levelsChanged());
    }
}
