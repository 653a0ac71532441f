package dev.shophealth.ruleset;

import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.Evaluation;
import dev.shophealth.ruleset.engine.Evaluator;
import dev.shophealth.ruleset.engine.Messages;
import dev.shophealth.ruleset.engine.ParametersReader;
import dev.shophealth.ruleset.engine.RulesetTimeouts;
import dev.shophealth.ruleset.engine.ScenarioReport;
import dev.shophealth.ruleset.engine.ScenarioRunner;

import dev.shophealth.fact.Given;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/** What analysts do with the live rule base: inspect it, reload it, try facts on it, run its scenarios. */
@ApplicationScoped
public class RulesetService {

    @Inject
    RulesetRegistry registry;

    @Inject
    RulesetConfig config;

    public ActiveRulesetReport active() {
        CompiledRuleset r = registry.active().orElseThrow(NoActiveRulesetException::new);
        return new ActiveRulesetReport(r.revision(), registry.activatedAt(), config.dir().toAbsolutePath()
                .normalize().toString(), r.rules(), ParametersReader.views(r.parameters()),
                r.files().files().keySet().stream().toList(), r.scenarioResults().size(), r.warnings(),
                registry.lastFailure().orElse(null), RulesetTimeouts.of(r.revision()));
    }

    public ReloadReport reload() {
        return registry.reload();
    }

    /** Evaluates the given facts with the active ruleset; texts in {@code locale}. */
    public EvaluationReport evaluate(Given given, Locale locale) {
        CompiledRuleset ruleset = registry.active().orElseThrow(NoActiveRulesetException::new);
        return EvaluationReport.of(Evaluator.evaluate(ruleset, given), ruleset.messages(), locale);
    }

    /**
     * An evaluation's codes in {@code locale}, with the texts of the active ruleset (codes keep their meaning
     * across revisions; without any active ruleset the codes stand for themselves).
     */
    public EvaluationReport render(Evaluation evaluation, Locale locale) {
        return registry.active().map(r -> EvaluationReport.of(evaluation, r.messages(), locale))
                .orElseGet(() -> EvaluationReport.of(evaluation, Messages.empty(), locale));
    }

    /** The scenario results the active ruleset was activated with (a ruleset is active only if all passed). */
    public ScenarioReport scenarios() {
        CompiledRuleset r = registry.active().orElseThrow(NoActiveRulesetException::new);
        var results = r.scenarioResults();
        long passed = results.stream().filter(ScenarioRunner.Result::passed).count();
        return new ScenarioReport(r.revision(), (int) passed, results.size() - (int) passed, results);
    }
}
