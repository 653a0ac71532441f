package dev.shophealth.decision;

import dev.shophealth.ruleset.engine.Evaluation;
import dev.shophealth.ruleset.engine.Messages;

import dev.shophealth.outcome.FiredRule;
import dev.shophealth.outcome.ScoreContribution;
import dev.shophealth.outcome.Severity;
import dev.shophealth.outcome.Verdict;
import dev.shophealth.outcome.VerdictVote;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An {@link Evaluation} with the texts of its codes in the caller's language. */
public record EvaluationReport(String rulesetRevision, Verdict verdict, List<FindingView> findings,
        List<SuggestionView> suggestions, List<VerdictVote> votes, int score, List<ScoreContribution> scoreBreakdown,
        List<ConsequenceView> consequences, List<FiredRule> firedRules, List<FiredRule> consideredNotFired,
        String error) {

    /** A finding with its message. */
    public record FindingView(String code, Severity severity, String message, String ruleId,
            Map<String, Object> evidence) {
    }

    /** A suggestion with its message; lower priority first. */
    public record SuggestionView(String code, int priority, String message, String ruleId) {
    }

    /** A predicted consequence with its message. */
    public record ConsequenceView(String code, String message, String ruleId) {
    }

    public static EvaluationReport of(Evaluation e, Messages messages, Locale locale) {
        return new EvaluationReport(e.rulesetRevision(), e.verdict(),
                e.findings().stream().map(f -> new FindingView(f.code(), f.severity(),
                        messages.render(f.code(), locale, f.evidence()), f.ruleId(), f.evidence())).toList(),
                e.suggestions().stream().map(s -> new SuggestionView(s.code(), s.priority(),
                        messages.render(s.code(), locale, null), s.ruleId())).toList(),
                e.votes(), e.score(), e.scoreBreakdown(),
                e.consequences().stream().map(c -> new ConsequenceView(c.code(),
                        messages.render(c.code(), locale, null), c.ruleId())).toList(),
                e.firedRules(), e.consideredNotFired(), e.error());
    }
}
