package dev.shophealth.decision;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The log lines of a request that made a decision carry its id and ruleset revision, for log search. */
@QuarkusTest
@Tag("persistence")
@TestSecurity(user = "analyst", roles = "ANALYST")
class DecisionLogContextTest {

    @Test
    void aSnapshotLogsItsDecisionWithIdAndRevisionInTheContext() {
        Logger logger = Logger.getLogger(Decisions.class.getName());
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                ExtLogRecord record = (ExtLogRecord) r;
                record.copyMdc(); // the context of the thread that logged, as a log handler reads it
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(capture);
        try {
            JsonPath report = given().when().post("/api/shops/S1004/health/snapshot").then().statusCode(201)
                    .extract().jsonPath();
            String id = report.getString("decisionId");
            ExtLogRecord line = records.stream().filter(r -> r.getFormattedMessage().startsWith("Decision " + id))
                    .findFirst().orElseThrow(() -> new AssertionError("no line for " + id + " in " + records));
            assertEquals(id, line.getMdc("decisionId"));
            assertEquals(report.getString("rulesetRevision"), line.getMdc("rulesetRevision"));
            assertTrue(line.getFormattedMessage().contains("SHOP_HEALTH S1004"), line.getFormattedMessage());
            // the start-up's decisions (the sample loader, no request) left nothing in the log context
            assertEquals(null, org.jboss.logging.MDC.get("decisionId"));
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
    }
}
