package dev.shophealth.decisionlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.fact.Given;
import dev.shophealth.outcome.FiredRule;
import dev.shophealth.ruleset.engine.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

/** Writes and reads decision-log rows; a row is written in the transaction of the decision it records. */
@ApplicationScoped
public class DecisionLog {

    /** What was decided. */
    public enum Kind {
        SCREENING, SHOP_HEALTH
    }

    @Inject
    ObjectMapper json;

    /** Records a decision in the caller's transaction and returns its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String record(Kind kind, String subject, Given input, Evaluation output, Instant at) {
        DecisionLogEntry entry = new DecisionLogEntry();
        entry.decisionId = UUID.randomUUID().toString();
        entry.decidedAt = at;
        entry.kind = kind.name();
        entry.subject = subject;
        entry.rulesetRevision = output.rulesetRevision();
        entry.verdict = output.verdict() == null ? null : output.verdict().name();
        entry.input = write(input);
        entry.output = write(DecisionRecord.of(output));
        entry.firedRules = output.firedRules().stream().map(FiredRule::id).collect(Collectors.joining(","));
        entry.error = output.error() == null ? null : output.error().substring(0, Math.min(1000, output.error().length()));
        entry.persist();
        return entry.decisionId;
    }

    /** The evaluation recorded under {@code decisionId}, or null when there is no such row. */
    public Evaluation output(String decisionId) {
        DecisionLogEntry entry = DecisionLogEntry.findById(decisionId);
        return entry == null ? null : output(entry).evaluation();
    }

    /** The evaluations recorded under these ids, in one statement; an id without a row is absent from the map. */
    public java.util.Map<String, Evaluation> outputs(java.util.Collection<String> decisionIds) {
        java.util.Map<String, Evaluation> outputs = new java.util.HashMap<>();
        java.util.Set<String> ids = decisionIds.stream().filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        if (!ids.isEmpty()) {
            DecisionLogEntry.<DecisionLogEntry>list("decisionId in ?1", ids)
                    .forEach(e -> outputs.put(e.decisionId, output(e).evaluation()));
        }
        return outputs;
    }

    /** The record of a row's output; a row written by a newer schema is refused rather than misread. */
    public DecisionRecord output(DecisionLogEntry entry) {
        DecisionRecord record = read(entry.output, DecisionRecord.class);
        if (record.schema() > DecisionRecord.SCHEMA) {
            throw new IllegalStateException("Decision " + entry.decisionId + " was written with schema "
                    + record.schema() + "; this version reads up to " + DecisionRecord.SCHEMA);
        }
        return record;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A decision cannot be written as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A decision-log row cannot be read", e);
        }
    }
}
