package dev.shophealth.shophealth;

import dev.shophealth.fact.Parameters;
import dev.shophealth.outcome.Consequence;
import java.util.List;

/**
 * How close a shop is to a rating downgrade, by the score bands in parameters.yaml; {@code NOT_RATED} when the rules
 * predict that the platform does not rate the shop yet (below the rating gate, {@code minOrdersForRating}): its score
 * then says what the rating would weigh, not a level it has.
 */
@org.eclipse.microprofile.openapi.annotations.media.Schema(description = "LOW, MEDIUM, HIGH, CRITICAL by the score "
        + "bands of parameters.yaml; NOT_RATED: below the rating gate (minOrdersForRating orders in 90 days) the "
        + "platform does not rate the shop yet; its score then says what a rating would weigh")
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL, NOT_RATED;

    /** The consequence by which the rules say the shop is below the rating gate. */
    static final String NOT_RATED_CONSEQUENCE = "NOT_RATED";

    public static RiskLevel of(int score, Parameters p) {
        if (score >= p.riskCriticalFrom()) {
            return CRITICAL;
        }
        if (score >= p.riskHighFrom()) {
            return HIGH;
        }
        return score >= p.riskMediumFrom() ? MEDIUM : LOW;
    }

    /** The level of an evaluation: NOT_RATED when the rules predict it, else by the score. */
    public static RiskLevel of(int score, List<Consequence> consequences, Parameters p) {
        return consequences.stream().anyMatch(c -> NOT_RATED_CONSEQUENCE.equals(c.code())) ? NOT_RATED : of(score, p);
    }
}
