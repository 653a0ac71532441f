package dev.shophealth.ruleset.engine;

import java.time.Instant;
import java.util.List;
import org.kie.api.KieBase;

/**
 * A ruleset that passed every check: its files, compiled KieBase, parameters, messages and rule index. Immutable;
 * the registry swaps whole instances, so an evaluation that took one uses it from start to end.
 */
public record CompiledRuleset(RulesetFiles files, KieBase kieBase, ParametersReader.Read parameters,
        Messages messages, List<RuleInfo> rules, List<RulesetProblem> warnings,
        List<ScenarioRunner.Result> scenarioResults, Instant compiledAt, Sessions sessions) {

    /** A compiled ruleset with its own pool of sessions. */
    public CompiledRuleset(RulesetFiles files, KieBase kieBase, ParametersReader.Read parameters, Messages messages,
            List<RuleInfo> rules, List<RulesetProblem> warnings, List<ScenarioRunner.Result> scenarioResults,
            Instant compiledAt) {
        this(files, kieBase, parameters, messages, rules, warnings, scenarioResults, compiledAt, new Sessions(kieBase));
    }

    public String revision() {
        return files.revision();
    }
}
