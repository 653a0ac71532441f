package dev.shophealth.ruleset;

import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.ParametersReader;
import dev.shophealth.ruleset.engine.RulesetTimeouts;
import dev.shophealth.ruleset.engine.ScenarioReport;
import dev.shophealth.ruleset.engine.ScenarioRunner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What analysts do with the live rule base: inspect it, reload it, see its scenarios. */
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

    /** The scenario results the active ruleset was activated with (a ruleset is active only if all passed). */
    public ScenarioReport scenarios() {
        CompiledRuleset r = registry.active().orElseThrow(NoActiveRulesetException::new);
        var results = r.scenarioResults();
        long passed = results.stream().filter(ScenarioRunner.Result::passed).count();
        return new ScenarioReport(r.revision(), (int) passed, results.size() - (int) passed, results);
    }
}
