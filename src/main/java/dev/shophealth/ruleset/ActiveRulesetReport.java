package dev.shophealth.ruleset;

import dev.shophealth.ruleset.engine.ParameterView;
import dev.shophealth.ruleset.engine.RuleInfo;
import dev.shophealth.ruleset.engine.RulesetProblem;

import java.time.Instant;
import java.util.List;

/**
 * The active ruleset as analysts inspect it, the last rejected reload if there was one since, and how many of its
 * evaluations were stopped at their deadline ({@code evaluationTimeoutMillis}) since this instance started.
 */
public record ActiveRulesetReport(String revision, Instant loadedAt, String directory, List<RuleInfo> rules,
        List<ParameterView> parameters, List<String> files, int scenarios, List<RulesetProblem> warnings,
        RulesetRegistry.ReloadFailure lastReloadError, long evaluationsStoppedAtDeadline) {
}
