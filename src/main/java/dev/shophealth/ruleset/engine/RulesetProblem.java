package dev.shophealth.ruleset.engine;

/** Why a ruleset cannot become active: the file, the line where known (else null) and what is wrong. */
public record RulesetProblem(String file, Integer line, String message) {

    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line) + ": " + message;
    }
}
