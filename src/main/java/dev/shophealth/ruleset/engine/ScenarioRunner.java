package dev.shophealth.ruleset.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.shophealth.outcome.Finding;
import dev.shophealth.outcome.FiredRule;
import dev.shophealth.outcome.Suggestion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads scenario files and checks a ruleset against them. */
public final class ScenarioRunner {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The outcome of one scenario; {@code failures} is empty when it passed. */
    public record Result(String file, String scenario, List<String> failures, List<String> firedRules) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private ScenarioRunner() {
    }

    /** The scenarios of one file, or an empty list with a problem when the file cannot be read. */
    public static List<Scenario> parse(String file, String yaml, List<RulesetProblem> problems) {
        try {
            List<Scenario> scenarios = YAML.readValue(yaml, new TypeReference<List<Scenario>>() { });
            if (scenarios == null || scenarios.isEmpty()) {
                problems.add(new RulesetProblem(file, null, "has no scenarios"));
                return List.of();
            }
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario s = scenarios.get(i);
                if (s.name() == null || s.given() == null || s.expect() == null) {
                    problems.add(new RulesetProblem(file, null, "scenario #" + (i + 1) + " needs name, given and expect"));
                    return List.of();
                }
            }
            return scenarios;
        } catch (JsonMappingException e) {
            Integer line = e.getLocation() == null ? null : (int) e.getLocation().getLineNr();
            problems.add(new RulesetProblem(file, line, "is not a valid scenarios file: " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new RulesetProblem(file, null, "is not valid YAML"));
        }
        return List.of();
    }

    public static Result run(CompiledRuleset ruleset, String file, Scenario scenario) {
        Evaluation result;
        try {
            result = Evaluator.evaluate(ruleset, scenario.given());
        } catch (RuntimeException e) {
            return new Result(file, scenario.name(), List.of("cannot be evaluated: " + e.getMessage()), List.of());
        }
        return new Result(file, scenario.name(), compare(scenario.expect(), result),
                result.firedRules().stream().map(FiredRule::id).toList());
    }

    static List<String> compare(Scenario.Expect expect, Evaluation actual) {
        List<String> failures = new ArrayList<>();
        boolean expectError = Boolean.TRUE.equals(expect.error());
        if (actual.failed() != expectError) {
            failures.add(expectError ? "expected an evaluation error, there was none" : "evaluation failed: " + actual.error());
        }
        if (expect.verdict() != null && expect.verdict() != actual.verdict()) {
            failures.add("expected verdict " + expect.verdict() + ", got " + actual.verdict());
        }
        Set<String> findings = actual.findings().stream().map(Finding::code).collect(Collectors.toSet());
        Set<String> suggestions = actual.suggestions().stream().map(Suggestion::code).collect(Collectors.toSet());
        Set<String> rules = actual.firedRules().stream().map(FiredRule::id).collect(Collectors.toSet());
        Set<String> consequences = actual.consequences().stream().map(c -> c.code()).collect(Collectors.toSet());
        present("finding", expect.findings(), findings, failures);
        absent("finding", expect.absentFindings(), findings, failures);
        present("suggestion", expect.suggestions(), suggestions, failures);
        absent("suggestion", expect.absentSuggestions(), suggestions, failures);
        present("fired rule", expect.firedRules(), rules, failures);
        present("consequence", expect.consequences(), consequences, failures);
        absent("consequence", expect.absentConsequences(), consequences, failures);
        if (expect.minScore() != null && actual.score() < expect.minScore()) {
            failures.add("expected a score of at least " + expect.minScore() + ", got " + actual.score());
        }
        if (expect.maxScore() != null && actual.score() > expect.maxScore()) {
            failures.add("expected a score of at most " + expect.maxScore() + ", got " + actual.score());
        }
        return failures;
    }

    private static void present(String what, List<String> expected, Collection<String> actual, List<String> failures) {
        if (expected != null) {
            expected.stream().filter(c -> !actual.contains(c))
                    .forEach(c -> failures.add("expected " + what + " " + c + ", got " + sorted(actual)));
        }
    }

    private static void absent(String what, List<String> unexpected, Collection<String> actual, List<String> failures) {
        if (unexpected != null) {
            unexpected.stream().filter(actual::contains).forEach(c -> failures.add("unexpected " + what + " " + c));
        }
    }

    private static List<String> sorted(Collection<String> codes) {
        return codes.stream().sorted().toList();
    }
}
