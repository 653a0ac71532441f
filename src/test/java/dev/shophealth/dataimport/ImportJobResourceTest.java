package dev.shophealth.dataimport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shophealth.common.LockWaits;
import dev.shophealth.order.ShopOrder;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Imports of more rows than {@code shophealth.import.job-threshold} (20 here) run as jobs: 202 with a Location to
 * poll, progress, and at the end the report or the problem; all or nothing like a smaller import.
 */
@QuarkusTest
@TestProfile(ImportJobResourceTest.LowThreshold.class)
@Tag("persistence")
@TestSecurity(user = "admin", roles = "ADMIN")
class ImportJobResourceTest {

    public static class LowThreshold implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shophealth.import.job-threshold", "20", "shophealth.import.max-body-size", "8M");
        }
    }

    @Inject
    ImportedShopsRecorder touched;
    @Inject
    ImportJobs jobs;
    @Inject
    AgroalDataSource dataSource;

    private static ValidatableResponse post(String kind, String body) {
        return given().contentType("text/csv; charset=UTF-8").body(body).when().post("/api/import/" + kind).then();
    }

    /** Two shops with a product each, imported synchronously (under the threshold). */
    private static void shops(String a, String b) {
        post("shops", Csv.header("id", "name", "category").row(a, "作业店 A", "杂货").row(b, "作业店 B", "杂货").text())
                .statusCode(200);
        post("products", Csv.header("sku", "shopId", "name", "listedStock").row(a + "-A", a, "灯", 100)
                .row(b + "-A", b, "灯", 100).text()).statusCode(200);
    }

    /** {@code n} orders numbered from 1, alternating between the two shops; {@code bad} (1-based) has a bad amount. */
    private static String orders(String a, String b, int n, int bad) {
        Csv file = ImportResourceTest.Orders.header();
        for (int i = 1; i <= n; i++) {
            String shop = i % 2 == 0 ? b : a;
            file.row(a + "-" + i, shop, shop + "-A", "灯", 1, i == bad ? "ten" : "10.00", "B-" + i, "上海 Shanghai",
                    "2026-11-20T10:00:00+08:00", "AWAITING_SHIPMENT", null, null, 100);
        }
        return file.text();
    }

    private static JsonPath await(String location) throws InterruptedException {
        JsonPath job = null;
        for (int i = 0; i < 600; i++) {
            job = given().when().get(location).then().statusCode(200).extract().jsonPath();
            if (!List.of("QUEUED", "RUNNING").contains(job.getString("state"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not finish: " + job.prettify());
    }

    @Test
    void aFileOverTheThresholdIsImportedAsAJobThatEndsWithTheReport() throws Exception {
        // given
        shops("T9601", "T9602");
        touched.seen.clear();
        touched.inTransaction.clear();

        // when
        String location = post("orders", orders("T9601", "T9602", 250, 0)).statusCode(202)
                .header("Location", containsString("/api/import/jobs/"))
                .body("state", equalTo("QUEUED")).body("kind", equalTo("orders")).body("startedBy", equalTo("admin"))
                .extract().header("Location");
        JsonPath job = await(location);

        // then
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(100.0, job.getDouble("percentDone"));
        assertEquals(250, job.getInt("rowsDone"));
        assertTrue(job.getLong("rowsPerSecond") > 0, job.prettify());
        assertEquals(250, job.getInt("report.rows"));
        assertEquals(250, job.getInt("report.created"));
        assertEquals(250L, ShopOrder.count("orderNo like ?1", "T9601-%"));
        // the shops of the written orders, told once at the end, inside the import's transaction
        assertEquals(List.of(new ImportedShops("orders", Set.of("T9601", "T9602"))), touched.seen);
        assertEquals(List.of(true), touched.inTransaction);

        // and again: the same file changes nothing
        String again = post("orders", orders("T9601", "T9602", 250, 0)).statusCode(202).extract().header("Location");
        assertEquals(250, await(again).getInt("report.unchanged"));
    }

    @Test
    void aBadRowInAJobWritesNothingAndTheJobFailsWithTheProblemNamingLineAndField() throws Exception {
        // given: 12,000 orders, more than a chunk of BulkWriter: the first chunk is written (COPY on PostgreSQL)
        // before the bad row is read
        shops("T9603", "T9604");
        assertTrue(12_000 > BulkWriter.CHUNK);

        // when
        String location = post("orders", orders("T9603", "T9604", 12_000, 11_500)).statusCode(202)
                .extract().header("Location");
        JsonPath job = await(location);

        // then: line 11,501 of the file (the header is line 1), nothing written
        assertEquals("FAILED", job.getString("state"), job.prettify());
        assertEquals(400, job.getInt("problem.status"));
        assertEquals(11_501, job.getInt("problem.errors[0].line"));
        assertEquals("amount", job.getString("problem.errors[0].field"));
        assertTrue(job.getString("problem.detail").contains("Nothing was imported"), job.getString("problem.detail"));
        assertEquals(0L, ShopOrder.count("orderNo like ?1", "T9603-%"));
    }

    @Test
    void aJobEndedByAnErrorFailsAtOnce() throws Exception {
        // given: the end of the next import throws an Error, not an exception
        shops("T9613", "T9614");
        touched.failNext.set(new StackOverflowError("thrown by the test"));

        // when
        String location = post("orders", orders("T9613", "T9614", 30, 0)).statusCode(202).extract().header("Location");
        JsonPath job = await(location);

        // then: FAILED at once as with an exception, not left RUNNING to read INTERRUPTED a minute later (inside the
        // import's transaction QuarkusTransaction hands the Error on wrapped in an exception)
        assertEquals("FAILED", job.getString("state"), job.prettify());
        assertEquals(500, job.getInt("problem.status"));
        assertEquals(0L, ShopOrder.count("orderNo like ?1", "T9613-%"));
    }

    @Test
    void aCancelledJobWritesNothing() throws Exception {
        shops("T9607", "T9608");
        String location = post("orders", orders("T9607", "T9608", 40_000, 0)).statusCode(202)
                .extract().header("Location");

        given().when().delete(location).then().statusCode(200);
        JsonPath job = await(location);

        assertEquals("CANCELLED", job.getString("state"), job.prettify());
        assertEquals(0L, ShopOrder.count("orderNo like ?1", "T9607-%"));
        given().when().delete(location).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aFileAtTheThresholdIsImportedAtOnce() {
        shops("T9609", "T9610");
        post("orders", orders("T9609", "T9610", 20, 0)).statusCode(200).body("created", equalTo(20));
        given().when().get("/api/import/jobs/no-such-job").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aFileLargerThanTheImportLimitIs413AndNothingIsRead() {
        byte[] body = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        given().contentType("text/csv").body(body).when().post("/api/import/shops").then().statusCode(413)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    @Test
    void aJobWhoseInstanceStoppedReadsInterrupted() {
        // given: a job another instance left RUNNING, silent for longer than ImportJobs.STALE
        StoredImportJob row = runningJob("another-instance", java.time.Instant.now().minusSeconds(600),
                java.time.Instant.now().minus(ImportJobs.STALE).minusSeconds(5));

        // when / then
        given().when().get("/api/import/jobs/" + row.id).then().statusCode(200)
                .body("state", equalTo("INTERRUPTED"))
                .body("problem.detail", containsString("another-instance"));
        given().when().delete("/api/import/jobs/" + row.id).then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "reviewer", roles = "REVIEWER")
    void onlyAdminsSeeImportJobs() {
        given().when().get("/api/import/jobs/any").then().statusCode(403);
        given().when().delete("/api/import/jobs/any").then().statusCode(403);
    }

    @Test
    void aJobReportsItsProgressWhileItRuns() throws Exception {
        shops("T9611", "T9612");
        String location = post("orders", orders("T9611", "T9612", 60_000, 0)).statusCode(202)
                .extract().header("Location");
        JsonPath running = null;
        for (int i = 0; i < 600; i++) {
            running = given().when().get(location).then().extract().jsonPath();
            if (running.getInt("rowsDone") > 0 || !List.of("QUEUED", "RUNNING").contains(running.getString("state"))) {
                break;
            }
            Thread.sleep(50);
        }
        JsonPath done = await(location);
        assertEquals("SUCCEEDED", done.getString("state"), done.prettify());
        if (running.getString("state").equals("RUNNING")) {
            assertTrue(running.getDouble("percentDone") > 0 && running.getDouble("percentDone") < 100, running.prettify());
            assertTrue(running.get("etaSeconds") != null, running.prettify());
        }
        assertEquals(60_000L, ShopOrder.count("orderNo like ?1", "T9611-%"));
        // 60,000 orders would crowd other tests' listings
        QuarkusTransaction.requiringNew().run(() -> ShopOrder.delete("orderNo like ?1", "T9611-%"));
    }

    /**
     * The heartbeat writes a job's progress every second, also after its last row, while the job writes its end: a
     * progress that read the job RUNNING must not write it back over the end committed meanwhile (the job then read
     * RUNNING, left this instance, and after ImportJobs.STALE read INTERRUPTED, with nothing in the log).
     */
    @Test
    void aProgressWrittenWhileTheJobEndsLeavesItsEnd() throws Exception {
        // given: a running job, and its end written but not committed yet (the row locked by that transaction)
        StoredImportJob row = runningJob("this-test", java.time.Instant.now(), java.time.Instant.now());
        try (Connection end = dataSource.getConnection()) {
            end.setAutoCommit(false);
            try (PreparedStatement finish = end.prepareStatement(
                    "update import_job set state = 'SUCCEEDED', rows_done = 250, finished_at = current_timestamp "
                            + "where id = ?")) {
                finish.setString(1, row.id);
                assertEquals(1, finish.executeUpdate());
            }

            // when: the heartbeat writes the job's progress, and the end commits while it waits for the row
            CompletableFuture<Boolean> progress = CompletableFuture.supplyAsync(() -> jobs.progress(row.id, 250, 3000));
            LockWaits.await(dataSource, progress);
            end.commit();
            progress.get(30, TimeUnit.SECONDS);
        }

        // then
        JsonPath job = given().when().get("/api/import/jobs/" + row.id).then().statusCode(200).extract().jsonPath();
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertTrue(job.getString("finishedAt") != null, job.prettify());
    }

    /** A RUNNING job of {@code instance}, started at {@code started}, its last heartbeat at {@code heartbeat}. */
    private static StoredImportJob runningJob(String instance, java.time.Instant started, java.time.Instant heartbeat) {
        StoredImportJob row = new StoredImportJob();
        row.id = java.util.UUID.randomUUID().toString();
        row.kind = "orders";
        row.format = "csv";
        row.state = ImportJob.State.RUNNING;
        row.rowsDone = 10;
        row.bytesRead = 1000;
        row.bytesTotal = 4000;
        row.startedBy = "admin";
        row.instance = instance;
        row.createdAt = started;
        row.startedAt = started;
        row.heartbeatAt = heartbeat;
        QuarkusTransaction.requiringNew().run(row::persist);
        return row;
    }

}
