package dev.shophealth.ruleset;

import dev.shophealth.ruleset.engine.RulesetProblem;

import java.util.List;

/**
 * What a successful reload changed: revisions before and after, rules by id added, removed or changed, the
 * parameters whose values changed, and warnings (e.g. a rule no scenario fires).
 */
public record ReloadReport(String oldRevision, String newRevision, boolean changed, List<String> addedRules,
        List<String> removedRules, List<String> changedRules, List<String> changedParameters, int scenariosRun,
        List<RulesetProblem> warnings) {
}
