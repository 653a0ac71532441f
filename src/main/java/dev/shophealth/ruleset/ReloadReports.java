package dev.shophealth.ruleset;

import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.RuleInfo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Compares two rulesets rule by rule (by id and source) and parameter by parameter. */
final class ReloadReports {

    private ReloadReports() {
    }

    static ReloadReport of(CompiledRuleset before, CompiledRuleset after) {
        Map<String, RuleInfo> old = before == null ? Map.of() : byId(before);
        Map<String, RuleInfo> now = byId(after);
        List<String> added = now.keySet().stream().filter(id -> !old.containsKey(id)).sorted().toList();
        List<String> removed = old.keySet().stream().filter(id -> !now.containsKey(id)).sorted().toList();
        List<String> changed = now.keySet().stream().filter(old::containsKey)
                .filter(id -> !old.get(id).sourceHash().equals(now.get(id).sourceHash())
                        || !old.get(id).name().equals(now.get(id).name()))
                .sorted().toList();
        Map<String, Object> oldValues = before == null ? Map.of() : before.parameters().values();
        List<String> parameters = after.parameters().values().keySet().stream()
                .filter(k -> before != null && !Objects.equals(oldValues.get(k), after.parameters().values().get(k)))
                .sorted().toList();
        return new ReloadReport(before == null ? null : before.revision(), after.revision(),
                before == null || !before.revision().equals(after.revision()), added, removed, changed, parameters,
                after.scenarioResults().size(), after.warnings());
    }

    private static Map<String, RuleInfo> byId(CompiledRuleset r) {
        return r.rules().stream().collect(Collectors.toMap(RuleInfo::id, Function.identity()));
    }
}
