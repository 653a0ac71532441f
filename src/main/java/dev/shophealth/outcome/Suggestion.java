package dev.shophealth.outcome;

/** An improvement a rule suggests, by code; a lower {@code priority} comes first (1 = do this first). */
public record Suggestion(String code, int priority, String ruleId) {
}
