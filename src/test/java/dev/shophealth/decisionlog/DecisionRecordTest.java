package dev.shophealth.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.shophealth.outcome.Finding;
import dev.shophealth.outcome.FiredRule;
import dev.shophealth.outcome.ScoreContribution;
import dev.shophealth.outcome.Severity;
import dev.shophealth.outcome.Suggestion;
import dev.shophealth.outcome.Verdict;
import dev.shophealth.outcome.VerdictVote;
import dev.shophealth.ruleset.engine.Evaluation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision log's own record: it reads rows written before it existed, and refuses a newer schema. */
class DecisionRecordTest {

    /** As the service configures Jackson: an unknown property is an error. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Evaluation EVALUATION = new Evaluation("rev1", Verdict.APPROVE,
            List.of(new VerdictVote(Verdict.APPROVE, "VAL-OOS-02", "stock short")),
            List.of(new Finding("STOCK_SHORT", Severity.INFO, "VAL-OOS-02", Map.of("counted", 5))),
            List.of(new Suggestion("STOCK_SYNC_GAP", 1, "ADV-SYNC-01")), 12,
            List.of(new ScoreContribution(12, "FRQ-RATE-01", "rate above warning")), List.of(),
            List.of(new FiredRule("VAL-OOS-02", "VAL-OOS-02 Warehouse stock covers the order")), List.of(), 3, null);

    @Test
    void aRowWrittenBeforeTheRecordExistedReadsAsSchemaOne() throws Exception {
        // what DecisionLog wrote until now: the engine's Evaluation as it serialises, without a schema
        String old = JSON.writeValueAsString(EVALUATION);
        assertFalse(old.contains("schema"), old);

        DecisionRecord read = JSON.readValue(old, DecisionRecord.class);

        assertEquals(1, read.schema());
        assertEquals(EVALUATION, read.evaluation());
    }

    @Test
    void aRecordRoundTripsAndNamesItsSchema() throws Exception {
        String written = JSON.writeValueAsString(DecisionRecord.of(EVALUATION));
        assertTrue(written.contains("\"schema\":1"), written);
        assertEquals(EVALUATION, JSON.readValue(written, DecisionRecord.class).evaluation());
    }

    @Test
    void readingANewerSchemaIsRefusedNotGuessed() throws Exception {
        String newer = JSON.writeValueAsString(DecisionRecord.of(EVALUATION)).replace("\"schema\":1", "\"schema\":2");
        DecisionLogEntry row = new DecisionLogEntry();
        row.decisionId = "d1";
        row.output = newer;
        DecisionLog log = new DecisionLog();
        log.json = JSON;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> log.output(row));
        assertTrue(e.getMessage().contains("schema 2"), e.getMessage());
    }

    @Test
    void aFieldThisVersionDoesNotKnowIsAnErrorNotSilentlyDropped() {
        assertThrows(UnrecognizedPropertyException.class, () -> JSON.readValue(
                "{\"schema\":1,\"verdict\":\"APPROVE\",\"score\":0,\"firings\":0,\"surprise\":1}",
                DecisionRecord.class));
    }
}
