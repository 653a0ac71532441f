package dev.shophealth.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shophealth.common.OpenApiDocument.Op;
import dev.shophealth.ruleset.engine.RulesFolder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The examples of the OpenAPI document are real: every /api/ operation is called, as the user it is for, with the
 * example request of the document, in the order a reviewer, a merchant and two analysts would call them; each answer
 * has the documented success status and fits the documented schema, and so does every example in the document.
 * With {@code -Dopenapi.examples.record=true} the answers are written as the response examples
 * ({@link RecordedAnswers}: ids and times normalised, long lists cut); without it, an answer whose example is
 * missing, or whose fields differ from its example's, fails the test.
 */
@QuarkusTest
@TestProfile(OpenApiExamplesTest.FreshSample.class)
@Tag("persistence")
class OpenApiExamplesTest {

    /** A database of its own with the sample freshly loaded: the walk screens the seed's order. */
    public static class FreshSample implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a file of more than 3 rows is imported as a job (the example file has 2)
            return Map.of("shophealth.jdbc.h2", "jdbc:h2:mem:openapi-examples;DB_CLOSE_DELAY=-1",
                    "shophealth.import.job-threshold", "3");
        }
    }

    static final boolean RECORD = Boolean.getBoolean("openapi.examples.record");
    /** The seed's example order: the back office listed 10, the warehouse counted 5, the order is for 8. */
    static final String SEED_ORDER = "DY1002009999";

    /** The walk, and what its steps pass on: the active and the candidate revision, the seed's screening. */
    private ApiWalk walk;
    private String active;
    private String candidate;
    private String screened;
    private String decision;
    private int checked;

    @Test
    void everyExampleFitsItsSchema() {
        OpenApiDocument doc = OpenApiDocument.served();
        List<String> faults = new ArrayList<>();
        for (Op op : doc.operations.values()) {
            for (String type : op.requestTypes()) {
                OpenApiDocument.examples(op.request(type)).forEach((name, value) -> fits(doc, op, type, name,
                        op.request(type).path("schema"), value, faults));
            }
            for (String type : op.responseTypes()) {
                OpenApiDocument.examples(op.response(type)).forEach((name, value) -> fits(doc, op, type, name,
                        op.response(type).path("schema"), value, faults));
            }
        }
        assertEquals(List.of(), faults);
        assertTrue(checked > doc.operations.size(), "examples checked: " + checked);
    }

    @Test
    void everyOperationAnswersItsExampleRequestAsItsExampleAnswerShows() throws Exception {
        OpenApiDocument doc = OpenApiDocument.served();
        walk = new ApiWalk(doc, new RecordedAnswers(sampleShift(), requests(doc)));

        reviewerFindsTheSeedOrder();
        analystPutsACandidateInShadow();
        merchantCancelsTheSeedOrder();
        reviewerWorksTheQueue();
        merchantReadsItsShop();
        analystsGoLiveWithTheCandidateAndBack();
        analystReadsTheDecisionLog();
        adminImportsAndReadsTheAudit();

        assertEquals(new TreeSet<>(doc.operations.keySet()), new TreeSet<>(walk.called),
                "every operation of the document is called");
        List<String> faults = walk.compare(RECORD);
        assertEquals(List.of(), faults, RECORD ? "recorded; run again without -Dopenapi.examples.record"
                : "run with -Dopenapi.examples.record=true to record the answers as examples");
    }

    /** README: "Find the seed's example order". */
    private void reviewerFindsTheSeedOrder() {
        walk.op("OrderResource_search").as(ApiWalk.REVIEWER).query("shopId", "S1002").query("product", "香薰蜡烛")
                .send();
        walk.op("OrderResource_get").as(ApiWalk.REVIEWER).path("orderNo", SEED_ORDER).send();
    }

    /** The candidate judges the live screenings beside the active ruleset from here on. */
    private void analystPutsACandidateInShadow() throws Exception {
        active = walk.op("RulesetResource_active").as(ApiWalk.ANALYST).send().text("/revision");
        walk.op("RulesetResource_scenarios").as(ApiWalk.ANALYST).send();
        walk.op("RulesetResource_reload").as(ApiWalk.ANALYST).send();
        walk.op("RulesetVersionResource_uploadFolder").as(ApiWalk.ANALYST).query("comment", "the rules folder").send();
        candidate = walk.op("RulesetVersionResource_upload").as(ApiWalk.ANALYST).query("comment", "critical rate 4%")
                .bytes("application/zip", candidateZip()).send().text("/revision");
        walk.op("ShadowResource_set").as(ApiWalk.ANALYST).path("revision", candidate).send();
    }

    /** The seed's screening, which the candidate in shadow decides otherwise. */
    private void merchantCancelsTheSeedOrder() throws Exception {
        JsonNode answer = walk.op("CancellationResource_submit").as(ApiWalk.MERCHANT)
                .header("Idempotency-Key", "7d1c6a4e-example").send().json();
        screened = answer.path("id").asText();
        decision = answer.at("/screening/decisionId").asText();
        long compared = 0;
        for (int i = 0; i < 100 && compared < 1; i++) {
            Thread.sleep(i == 0 ? 0 : 100);
            compared = walk.op("ShadowResource_report").as(ApiWalk.ANALYST).send().json().at("/screenings").asLong();
        }
        assertEquals(1, compared, "the candidate in shadow judged the seed's screening");
        walk.op("ShadowResource_disagreements").as(ApiWalk.ANALYST).send();
        walk.op("ShadowResource_clear").as(ApiWalk.ANALYST).send();
    }

    private void reviewerWorksTheQueue() {
        String pending = walk.op("CancellationResource_list").as(ApiWalk.REVIEWER).query("status", "PENDING_REVIEW")
                .query("size", 2).send().text("/items/0/id");
        walk.op("CancellationResource_get").as(ApiWalk.REVIEWER).path("id", screened).send();
        walk.op("CancellationResource_claim").as(ApiWalk.REVIEWER).path("id", pending).send();
        walk.op("CancellationResource_release").as(ApiWalk.REVIEWER).path("id", pending).send();
        walk.op("CancellationResource_review").as(ApiWalk.REVIEWER).path("id", pending).send();
        walk.op("ShopsHealthResource_list").as(ApiWalk.REVIEWER).query("size", 3).send();
    }

    /** Today's records (the seed's request among them), the shop's health, and a history tried by hand. */
    private void merchantReadsItsShop() {
        walk.op("CancellationRecordsResource_records").as(ApiWalk.MERCHANT).path("shopId", "S1002")
                .query("from", LocalDate.now(ZoneOffset.ofHours(8)).toString()).send();
        walk.op("ShopHealthResource_report").as(ApiWalk.MERCHANT).path("shopId", "S1002").send();
        walk.op("ShopHealthResource_history").as(ApiWalk.MERCHANT).path("shopId", "S1002").query("step", "P7D").send();
        walk.op("ShopHealthResource_snapshot").as(ApiWalk.MERCHANT).path("shopId", "S1002").send();
        walk.op("EvaluateResource_evaluate").as(ApiWalk.MERCHANT).send();
    }

    /** Four eyes: compared, backtested (a second backtest cancelled), approved by analyst2, activated, rolled back. */
    private void analystsGoLiveWithTheCandidateAndBack() throws Exception {
        walk.op("TryFactsResource_evaluate").as(ApiWalk.ANALYST).send();
        walk.op("RulesetVersionResource_files").as(ApiWalk.ANALYST).path("revision", candidate).send();
        for (String type : List.of("application/json", "text/x-diff")) {
            walk.op("RulesetVersionResource_diff").as(ApiWalk.ANALYST).path("revision", "active")
                    .path("other", candidate).accept(type).send();
        }
        String job = walk.op("RulesetVersionResource_backtest").as(ApiWalk.ANALYST).path("revision", candidate)
                .send().text("/id");
        String state = "RUNNING";
        for (int i = 0; i < 600 && state.equals("RUNNING"); i++) {
            Thread.sleep(i == 0 ? 0 : 100);
            state = walk.op("BacktestResource_get").as(ApiWalk.ANALYST).path("id", job).send().text("/state");
        }
        assertEquals("DONE", state);
        String second = walk.op("RulesetVersionResource_backtest").as(ApiWalk.ANALYST).path("revision", candidate)
                .send().text("/id");
        walk.op("BacktestResource_cancel").as(ApiWalk.ANALYST).path("id", second).send();
        walk.op("RulesetVersionResource_approve").as(ApiWalk.SECOND_ANALYST).path("revision", candidate).send();
        walk.op("RulesetVersionResource_detail").as(ApiWalk.ANALYST).path("revision", candidate).send();
        walk.op("RulesetVersionResource_activate").as(ApiWalk.ANALYST).path("revision", candidate)
                .query("comment", "team decision").send();
        walk.op("RulesetVersionResource_rollback").as(ApiWalk.ANALYST).query("to", active).send();
        walk.op("RulesetVersionResource_activations").as(ApiWalk.ANALYST).send();
        walk.op("RulesetVersionResource_list").as(ApiWalk.ANALYST).send();
        walk.op("RulesetVersionResource_coverage").as(ApiWalk.ANALYST).send();
    }

    /** The seed's screening in the decision log. */
    private void analystReadsTheDecisionLog() {
        walk.op("DecisionResource_list").as(ApiWalk.ANALYST).query("orderNo", SEED_ORDER).send();
        for (String format : List.of("csv", "ndjson")) {
            walk.op("DecisionResource_export").as(ApiWalk.ANALYST).query("orderNo", SEED_ORDER)
                    .query("format", format).send();
        }
        walk.op("DecisionResource_get").as(ApiWalk.ANALYST).path("id", decision).send();
        walk.op("DecisionResource_replay").as(ApiWalk.ANALYST).path("id", decision).send();
    }

    /** Imports, a file over the job threshold as a job polled to its end, a second one (a dry run) cancelled. */
    private void adminImportsAndReadsTheAudit() throws Exception {
        for (String type : List.of("text/csv", "application/json")) {
            walk.op("ImportResource_importFile").as(ApiWalk.ADMIN).path("kind", "shops").body(type).send();
        }
        walk.op("ShopDayCountsResource_check").as(ApiWalk.ADMIN).send();
        walk.op("ShopDayCountsResource_rebuild").as(ApiWalk.ADMIN).send();
        String job = walk.op("ImportResource_importFile").as(ApiWalk.ADMIN).path("kind", "shops").expect("202")
                .bytes("text/csv", shops(5)).send().text("/id");
        String state = "QUEUED";
        for (int i = 0; i < 600 && List.of("QUEUED", "RUNNING").contains(state); i++) {
            Thread.sleep(i == 0 ? 0 : 100);
            state = walk.op("ImportResource_job").as(ApiWalk.ADMIN).path("id", job).send().text("/state");
        }
        assertEquals("SUCCEEDED", state);
        String second = walk.op("ImportResource_importFile").as(ApiWalk.ADMIN).path("kind", "shops")
                .query("dryRun", true).expect("202").bytes("text/csv", shops(50_000)).send().text("/id");
        walk.op("ImportResource_cancel").as(ApiWalk.ADMIN).path("id", second).send();
        walk.op("AuditResource_recent").as(ApiWalk.ADMIN).query("limit", 3).send();
    }

    /** A CSV file of {@code n} shops. */
    private static byte[] shops(int n) {
        StringBuilder csv = new StringBuilder("id,name,category\n");
        for (int i = 1; i <= n; i++) {
            csv.append("OA-J").append(i).append(",Job shop ").append(i).append(",Misc\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void fits(OpenApiDocument doc, Op op, String type, String name, JsonNode schema, JsonNode value,
            List<String> faults) {
        JsonNode v = OpenApiExamples.extension(type).orElse("").equals("json") ? value
                : com.fasterxml.jackson.databind.node.TextNode.valueOf(value.asText());
        doc.check(schema, v).forEach(m -> faults.add(op.id() + " " + type + " example " + name + ": " + m));
        checked++;
    }

    /** The example requests of the document, as text. */
    private static List<String> requests(OpenApiDocument doc) {
        List<String> texts = new ArrayList<>();
        for (Op op : doc.operations.values()) {
            for (String type : op.requestTypes()) {
                OpenApiDocument.examples(op.request(type)).values().forEach(v -> texts.add(v.toString()));
            }
        }
        return texts;
    }

    /** How far the loader moved the sample's times: an order as served against the same order in data/sample. */
    private static Duration sampleShift() throws Exception {
        org.apache.commons.csv.CSVRecord first;
        try (var csv = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(Path.of("data/sample/orders.csv")))) {
            first = csv.iterator().next();
        }
        String orderNo = first.get("orderNo");
        String written = first.get("placedAt");
        String served = io.restassured.RestAssured.given().auth().preemptive().basic("reviewer", "reviewer-demo")
                .when().get("/api/orders/" + orderNo).then().statusCode(200).extract().path("order.placedAt");
        return Duration.between(OffsetDateTime.parse(written).toInstant(), Instant.parse(served));
    }

    /** The candidate of the walk: the rules with a lower critical cancellation rate, zipped. */
    private static byte[] candidateZip() throws Exception {
        RulesFolder rules = RulesFolder.copy().replace("parameters.yaml", "cancelRateCritical: 0.10",
                "cancelRateCritical: 0.04");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : rules.files().files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
