package dev.shophealth.outcome;

/** One rule's vote on a verdict, with the finding code that is its reason. */
public record VerdictVote(Verdict verdict, String ruleId, String reason) {
}
