package dev.shophealth.ruleset.version;

import dev.shophealth.ruleset.backtest.BacktestJob;
import java.util.List;

/**
 * One version for its approvers: the version, who approved it, its backtests (newest first, without reports),
 * the backtest an activation would rest on now with its headline numbers ({@code verdictsChanged},
 * {@code levelsChanged}; null when none is fresh), and what an activation still needs ({@code missing}, empty when
 * it may be activated).
 */
public record VersionDetail(VersionView version, List<ApprovalView> approvals, List<BacktestJob.View> backtests,
        BacktestJob.View usableBacktest, List<String> missing, boolean singlePersonMode) {
}
