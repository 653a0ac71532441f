package dev.shophealth.shophealth;

import dev.shophealth.fact.Parameters;

/** How close a shop is to a rating downgrade, by the score bands in parameters.yaml. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL;

    public static RiskLevel of(int score, Parameters p) {
        if (score >= p.riskCriticalFrom()) {
            return CRITICAL;
        }
        if (score >= p.riskHighFrom()) {
            return HIGH;
        }
        return score >= p.riskMediumFrom() ? MEDIUM : LOW;
    }
}
