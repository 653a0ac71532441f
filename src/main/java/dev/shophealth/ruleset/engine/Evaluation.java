package dev.shophealth.ruleset.engine;

import dev.shophealth.outcome.Consequence;
import dev.shophealth.outcome.Finding;
import dev.shophealth.outcome.FiredRule;
import dev.shophealth.outcome.ScoreContribution;
import dev.shophealth.outcome.Suggestion;
import dev.shophealth.outcome.Verdict;
import dev.shophealth.outcome.VerdictVote;
import java.util.List;

/**
 * What one ruleset concluded from one set of facts, and why: every vote, finding, suggestion and score point
 * with the rule behind it, the rules that fired, and the rules of the same files that were considered but did
 * not fire. {@code error} is set when the evaluation could not finish (a looping ruleset, a failing rule); the
 * verdict is then MANUAL_REVIEW, so a person decides.
 */
public record Evaluation(String rulesetRevision, Verdict verdict, List<VerdictVote> votes, List<Finding> findings,
        List<Suggestion> suggestions, int score, List<ScoreContribution> scoreBreakdown,
        List<Consequence> consequences, List<FiredRule> firedRules, List<FiredRule> consideredNotFired, int firings,
        String error) {

    public boolean failed() {
        return error != null;
    }

    /**
     * The ids of the rules that fired in this evaluation or in {@code other}, not in both, sorted: what made two
     * rulesets decide the same facts differently (backtests, the shadow).
     */
    public List<String> rulesFiredInOnlyOne(Evaluation other) {
        java.util.Set<String> mine = new java.util.TreeSet<>(firedRules.stream().map(FiredRule::id).toList());
        java.util.Set<String> theirs = new java.util.TreeSet<>(other.firedRules.stream().map(FiredRule::id).toList());
        java.util.Set<String> either = new java.util.TreeSet<>(mine);
        either.addAll(theirs);
        mine.retainAll(theirs);
        either.removeAll(mine);
        return List.copyOf(either);
    }
}
