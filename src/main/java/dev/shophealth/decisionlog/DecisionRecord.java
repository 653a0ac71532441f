package dev.shophealth.decisionlog;

import dev.shophealth.outcome.Consequence;
import dev.shophealth.outcome.Finding;
import dev.shophealth.outcome.FiredRule;
import dev.shophealth.outcome.ScoreContribution;
import dev.shophealth.outcome.Suggestion;
import dev.shophealth.outcome.Verdict;
import dev.shophealth.outcome.VerdictVote;
import dev.shophealth.ruleset.engine.Evaluation;
import java.util.List;

/**
 * What the decision log keeps of an evaluation, in its own shape: built from the {@code outcome} types (the
 * contract rules write to), with a schema version, so that renaming a field of the engine's {@link Evaluation}
 * cannot make old rows unreadable. Rows written before this record existed hold the same fields without
 * {@code schema} and read as schema 1.
 *
 * @param schema the shape of this record; a reader refuses a newer one rather than guess
 */
public record DecisionRecord(Integer schema, String rulesetRevision, Verdict verdict, List<VerdictVote> votes,
        List<Finding> findings, List<Suggestion> suggestions, int score, List<ScoreContribution> scoreBreakdown,
        List<Consequence> consequences, List<FiredRule> firedRules, List<FiredRule> consideredNotFired,
        int firings, String error) {

    /** The schema this version writes and reads. */
    public static final int SCHEMA = 1;

    public DecisionRecord {
        schema = schema == null ? 1 : schema;
        votes = orEmpty(votes);
        findings = orEmpty(findings);
        suggestions = orEmpty(suggestions);
        scoreBreakdown = orEmpty(scoreBreakdown);
        consequences = orEmpty(consequences);
        firedRules = orEmpty(firedRules);
        consideredNotFired = orEmpty(consideredNotFired);
    }

    public static DecisionRecord of(Evaluation e) {
        return new DecisionRecord(SCHEMA, e.rulesetRevision(), e.verdict(), e.votes(), e.findings(), e.suggestions(),
                e.score(), e.scoreBreakdown(), e.consequences(), e.firedRules(), e.consideredNotFired(), e.firings(),
                e.error());
    }

    /** The evaluation this record was made from, for rendering and replay comparisons. */
    public Evaluation evaluation() {
        return new Evaluation(rulesetRevision, verdict, votes, findings, suggestions, score, scoreBreakdown,
                consequences, firedRules, consideredNotFired, firings, error);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
