package dev.shophealth.ruleset;

import java.time.Instant;
import java.util.List;

/** The active ruleset as analysts inspect it, and the last rejected reload if there was one since. */
public record ActiveRulesetReport(String revision, Instant loadedAt, String directory, List<RuleInfo> rules,
        List<ParameterView> parameters, List<String> files, int scenarios, List<RulesetProblem> warnings,
        RulesetRegistry.ReloadFailure lastReloadError) {
}
