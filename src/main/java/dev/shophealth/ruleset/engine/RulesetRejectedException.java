package dev.shophealth.ruleset.engine;

import java.util.List;

/** A candidate ruleset failed its checks; it never becomes active. */
public class RulesetRejectedException extends RuntimeException {

    private final List<RulesetProblem> problems;

    public RulesetRejectedException(List<RulesetProblem> problems) {
        super(problems.size() + " problem(s), the first: " + problems.get(0), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<RulesetProblem> problems() {
        return problems;
    }
}
