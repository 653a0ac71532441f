package dev.shophealth.ruleset.engine;

import dev.shophealth.fact.Given;
import dev.shophealth.outcome.Verdict;
import java.util.List;

/**
 * One case of a {@code *.scenarios.yaml} file: facts given, outcome expected. Expectations match partially:
 * listed codes must be present, {@code absent...} codes must not be, unset fields are not checked.
 */
public record Scenario(String name, Given given, Expect expect) {

    /** What a scenario expects. */
    public record Expect(Verdict verdict, List<String> findings, List<String> absentFindings,
            List<String> suggestions, List<String> absentSuggestions, List<String> firedRules,
            List<String> consequences, List<String> absentConsequences, Integer minScore, Integer maxScore,
            Boolean error) {
    }
}
