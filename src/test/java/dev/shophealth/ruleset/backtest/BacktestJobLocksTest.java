package dev.shophealth.ruleset.backtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shophealth.common.LockWaits;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A change to a backtest's row waits for one committing meanwhile and starts from it: a change that read the row
 * before would write every column back over it. Each test holds a change uncommitted over JDBC (the row locked), as
 * another instance or the job's end would, starts the competing change, and commits once it waits.
 */
@QuarkusTest
@Tag("persistence")
@TestSecurity(user = "analyst-1", roles = "ANALYST")
class BacktestJobLocksTest {

    @Inject
    BacktestJobs jobs;
    @Inject
    AgroalDataSource dataSource;

    private String revision;

    @BeforeEach
    void storeTheRulesFolder() {
        revision = given().when().post("/api/rulesets/from-folder").then().statusCode(201).extract().path("revision");
    }

    /**
     * A cancel that read the job RUNNING wrote it back RUNNING over its end: the job was no longer on its instance,
     * and after BacktestJobs.STALE it read INTERRUPTED, its report gone.
     */
    @Test
    void aCancelAskedWhileTheJobEndsLeavesItsEnd() throws Exception {
        // given: a running job, and its end written but not committed yet
        String id = insertRunning();
        try (Connection end = dataSource.getConnection()) {
            end.setAutoCommit(false);
            update(end, "update backtest_job set state = 'DONE', done = 100, finished_at = current_timestamp "
                    + "where id = ?", id);

            // when: someone cancels it, and the end commits while the cancel waits for the row
            CompletableFuture<Integer> cancel = CompletableFuture.supplyAsync(
                    () -> given().when().delete("/api/backtests/" + id).then().extract().statusCode());
            LockWaits.await(dataSource, cancel);
            end.commit();

            // then: the job had ended
            assertEquals(409, cancel.get(30, TimeUnit.SECONDS));
        }
        given().when().get("/api/backtests/" + id).then().statusCode(200).body("state", equalTo("DONE"))
                .body("finishedAt", notNullValue());
    }

    /**
     * The job's progress that read the row before a cancel asked on another instance committed wrote the flag back
     * unset: the cancel answered 200 and the job ran to its end.
     */
    @Test
    void aProgressWrittenWhileACancelCommitsKeepsIt() throws Exception {
        // given: a running job, and a cancel asked on another instance, not committed yet
        String id = insertRunning();
        try (Connection cancel = dataSource.getConnection()) {
            cancel.setAutoCommit(false);
            update(cancel, "update backtest_job set cancel_requested = true where id = ?", id);

            // when: the job writes its progress, and the cancel commits while it waits for the row
            CompletableFuture<Boolean> progress = CompletableFuture.supplyAsync(() -> jobs.progress(id, 20, 100));
            LockWaits.await(dataSource, progress);
            cancel.commit();

            // then: the job is told to stop, and the flag stays
            assertEquals(true, progress.get(30, TimeUnit.SECONDS));
        }
        assertEquals(true, QuarkusTransaction.requiringNew().call(() -> StoredBacktest.<StoredBacktest>findById(id)
                .cancelRequested));
    }

    /** A job another instance runs (a cancel here only writes the flag). */
    private String insertRunning() {
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
            row.instance = "instance-locks";
            row.startedAt = Instant.now();
            row.heartbeatAt = row.startedAt;
            row.persist();
        });
        return id;
    }

    private static void update(Connection c, String sql, String id) throws Exception {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, id);
            assertEquals(1, update.executeUpdate());
        }
    }

}
