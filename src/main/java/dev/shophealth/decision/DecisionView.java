package dev.shophealth.decision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shophealth.ruleset.engine.Evaluation;
import java.time.Instant;
import java.util.List;

/** A decision-log row: what was decided, with which revision, from which facts, with which rules. */
public record DecisionView(String decisionId, Instant decidedAt, String kind, String subject, String rulesetRevision,
        String verdict, JsonNode input, Evaluation output, List<String> firedRules, String error) {
}
