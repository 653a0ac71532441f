package dev.shophealth.outcome;

/** Points a rule adds to (or takes from) a risk score, with the code that explains them. */
public record ScoreContribution(int points, String ruleId, String reason) {
}
