package dev.shophealth.outcome;

/** What the platform is predicted to do to a shop (e.g. {@code CAMPAIGN_INELIGIBLE}), and the rule predicting it. */
public record Consequence(String code, String ruleId) {
}
