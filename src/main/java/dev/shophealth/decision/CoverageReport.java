package dev.shophealth.decision;

import java.time.Instant;
import java.util.List;

/**
 * How often each rule of the active ruleset fired in the decisions of a period, the rules that never fired
 * (dead rules, or rules waiting for their case), and ids that fired but are no longer in the active ruleset.
 */
public record CoverageReport(Instant from, Instant to, String rulesetRevision, long decisions, List<RuleCount> rules,
        List<String> neverFired, List<String> notInActiveRuleset) {

    /** One rule and how many decisions it fired in. */
    public record RuleCount(String id, String name, String file, long fired) {
    }
}
