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

    /**
     * Reloads the rules folder. While four eyes are enforced, a folder that differs from the active revision is
     * refused (409): it must go through a candidate version, an approval and a backtest.
     */
    public ReloadReport reload() {
        if (!config.governance().singlePerson()) {
            String folder = dev.shophealth.ruleset.engine.RulesetFiles.read(config.dir()).revision();
            String active = registry.active().map(CompiledRuleset::revision).orElse(null);
            if (active != null && !folder.equals(active)) {
                throw dev.shophealth.common.ProblemException.conflict("Four eyes are enforced: a reload would "
                        + "activate the rules folder (" + folder + ") without a second analyst. Store it as a candidate"
                        + " (POST /api/rulesets/from-folder), have another analyst approve it after a backtest, then"
                        + " activate it; the reload is for single-person mode (shophealth.rules.governance.single-person)");
            }
        }
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
