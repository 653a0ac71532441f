package dev.shophealth.decision;

import dev.shophealth.fact.Given;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.Evaluation;
import java.util.Locale;

/**
 * One decision: the ruleset that made it, the facts it was given, what it decided, and the id of its decision-log
 * row (null when it was not recorded: trying facts, trends, backtests, replays).
 */
public record Decision(CompiledRuleset ruleset, Given given, Evaluation evaluation, String decisionId) {

    /** The evaluation in {@code locale}, with the texts of the ruleset that decided. */
    public EvaluationReport report(Locale locale) {
        return EvaluationReport.of(evaluation, ruleset.messages(), locale);
    }
}
