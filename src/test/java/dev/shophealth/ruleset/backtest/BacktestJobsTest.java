package dev.shophealth.ruleset.backtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Backtest jobs live in the database: a finished report is read from its row (so it outlives a restart and every
 * instance sees it), a job its instance left RUNNING is INTERRUPTED at that instance's next start, and a job of
 * another instance that stopped sending heartbeats reads as INTERRUPTED; a job whose work throws an Error fails.
 */
@QuarkusTest
@Tag("persistence")
@TestSecurity(user = "analyst-1", roles = "ANALYST")
class BacktestJobsTest {

    @Inject
    BacktestService service;
    @Inject
    ObjectMapper json;

    private String revision;

    @BeforeEach
    void storeTheRulesFolder() {
        revision = given().when().post("/api/rulesets/from-folder").then().statusCode(201).extract().path("revision");
    }

    @Test
    void aFinishedReportIsStoredInTheDatabaseAndReadFromThere() throws Exception {
        // given: a finished job
        String id = start();
        assertEquals("DONE", awaitEnd(id));

        // then: its row holds the report and the headline numbers
        StoredBacktest row = QuarkusTransaction.requiringNew().call(() -> StoredBacktest.findById(id));
        assertNotNull(row.report);
        BacktestReport stored = json.readValue(row.report, BacktestReport.class);
        assertEquals(0, row.verdictsChanged);
        assertEquals(revision, stored.candidateRevision());

        // when: another instance's view of the row (the report changed in the database only)
        QuarkusTransaction.requiringNew().run(() -> {
            StoredBacktest r = StoredBacktest.findById(id);
            r.report = r.report.replace("\"decisions\":" + stored.decisions(), "\"decisions\":" + (stored.decisions() + 7));
        });

        // then: the API answers from the database, not from this instance's memory
        given().when().get("/api/backtests/" + id).then().statusCode(200)
                .body("report.decisions", equalTo((int) stored.decisions() + 7))
                .body("verdictsChanged", equalTo(0)).body("percentDone", equalTo(100.0f));
    }

    @Test
    void aJobEndedByAnErrorFailsAtOnce() throws Exception {
        // given: the next backtest's work throws an Error, not an exception (the changed decisions it keeps in
        // memory may exhaust the heap)
        QuarkusMock.installMockForType(new BacktestRunner() {
            @Override
            BacktestReport run(BacktestJob job, CompiledRuleset active, CompiledRuleset candidate, Instant from,
                    Instant to) {
                throw new OutOfMemoryError("thrown by the test");
            }
        }, BacktestRunner.class);

        // when
        String id = start();

        // then: FAILED at once as with an exception, not left RUNNING to read INTERRUPTED a minute later (the Future
        // of the job's executor kept the Error, and nothing was logged)
        assertEquals("FAILED", awaitEnd(id));
        given().when().get("/api/backtests/" + id).then().body("error", containsString("failed"))
                .body("finishedAt", notNullValue());
    }

    @Test
    void aJobThisInstanceLeftRunningIsInterruptedAtItsNextStart() {
        // given: a job this instance was running when it stopped
        String id = insertRunning(service.instance(), Instant.now());

        // when: the instance starts again
        service.interruptOwnJobs();

        // then
        given().when().get("/api/backtests/" + id).then().statusCode(200).body("state", equalTo("INTERRUPTED"))
                .body("error", containsString("stopped before it finished")).body("finishedAt", notNullValue());
        given().when().delete("/api/backtests/" + id).then().statusCode(409);
    }

    @Test
    void aJobOfAnotherInstanceWithoutHeartbeatReadsAsInterrupted() {
        String alive = insertRunning("instance-2", Instant.now());
        String stopped = insertRunning("instance-3", Instant.now().minus(BacktestService.STALE).minusSeconds(1));
        given().when().get("/api/backtests/" + alive).then().body("state", equalTo("RUNNING"));
        given().when().get("/api/backtests/" + stopped).then().body("state", equalTo("INTERRUPTED"))
                .body("error", containsString("instance-3"));
        // a cancel asked here reaches the other instance through the database
        given().when().delete("/api/backtests/" + alive).then().statusCode(200);
        assertEquals(true, QuarkusTransaction.requiringNew().call(() -> StoredBacktest.<StoredBacktest>findById(alive)
                .cancelRequested));
    }

    private String start() {
        return given().contentType("application/json").body("{\"from\": \"2000-01-01\", \"to\": \"2100-01-01\"}")
                .when().post("/api/rulesets/{revision}/backtest", revision).then().statusCode(202)
                .body("startedBy", equalTo("analyst-1")).extract().path("id");
    }

    /** The job's state once it is not RUNNING, or RUNNING after a minute. */
    private static String awaitEnd(String id) throws InterruptedException {
        String state = "RUNNING";
        for (int i = 0; i < 600 && state.equals("RUNNING"); i++) {
            Thread.sleep(100);
            state = given().when().get("/api/backtests/" + id).then().extract().path("state");
        }
        return state;
    }

    private String insertRunning(String instance, Instant heartbeat) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            StoredBacktest row = new StoredBacktest();
            row.id = id;
            row.candidateRevision = revision;
            row.activeRevision = revision;
            row.periodFrom = Instant.now().minus(Duration.ofDays(30));
            row.periodTo = Instant.now();
            row.state = BacktestJob.State.RUNNING;
            row.done = 10;
            row.total = 100;
            row.startedBy = "analyst-1";
            row.instance = instance;
            row.startedAt = heartbeat.minusSeconds(5);
            row.heartbeatAt = heartbeat;
            row.persist();
        });
        return id;
    }
}
