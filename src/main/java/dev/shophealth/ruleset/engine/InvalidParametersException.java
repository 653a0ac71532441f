package dev.shophealth.ruleset.engine;

import java.util.List;

/** Parameter overrides given with an evaluation that the ruleset's parameters file does not accept. */
public class InvalidParametersException extends RuntimeException {

    private final transient List<RulesetProblem> problems;

    public InvalidParametersException(List<RulesetProblem> problems) {
        super("The parameter overrides are invalid");
        this.problems = List.copyOf(problems);
    }

    /** Each override refused, with the reason. */
    public List<RulesetProblem> problems() {
        return problems;
    }
}
