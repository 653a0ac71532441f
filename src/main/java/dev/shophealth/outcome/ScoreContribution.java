package dev.shophealth.outcome;

/**
 * Points a rule adds to (or takes from) a risk score, with the code that explains them and the suggestion that
 * removes them ({@code remedy}, null when none does: then the report says so).
 */
public record ScoreContribution(int points, String ruleId, String reason, String remedy) {

    /** Points without a remedy. */
    public ScoreContribution(int points, String ruleId, String reason) {
        this(points, ruleId, reason, null);
    }
}
