package dev.shophealth.ruleset.version;

import dev.shophealth.ruleset.RulesetActivation;
import dev.shophealth.ruleset.RulesetVersion;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.decisionlog.DecisionLogEntry;
import dev.shophealth.ruleset.CopiedRulesProfile;
import dev.shophealth.ruleset.engine.RulesFolder;
import dev.shophealth.ruleset.RulesetRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Analysts' versions: upload without effect, backtest, activate and roll back, fleet, replay, coverage. */
@QuarkusTest
@TestProfile(CopiedRulesProfile.class)
@org.junit.jupiter.api.Tag("persistence")
class RulesetVersionResourceTest {

    /** Every request as the first analyst (HTTP Basic); approvals come from the second ({@link Governed}). */
    static io.restassured.specification.RequestSpecification given() {
        return Governed.analyst();
    }

    static final double STRICTER_CRITICAL = 0.04;

    @Inject
    RulesetRegistry registry;
    @Inject
    FleetSync fleet;
    @Inject
    ObjectMapper json;

    private final String original = RulesFolder.copyInto(CopiedRulesProfile.DIR).files().revision();

    @AfterEach
    void backToTheOriginal() {
        RulesFolder.copyInto(CopiedRulesProfile.DIR);
        if (!activeRevision().equals(original)) {
            given().queryParam("to", original).when().post("/api/rulesets/rollback").then().statusCode(200);
        }
    }

    static byte[] zip(RulesFolder rules) throws Exception {
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

    /** A candidate that sends every request of a shop cancelling 4 % or more to a person. */
    static String uploadStricter() throws Exception {
        RulesFolder rules = RulesFolder.copy().replace("parameters.yaml", "cancelRateCritical: 0.10",
                "cancelRateCritical: " + STRICTER_CRITICAL);
        return given().contentType("application/zip").body(zip(rules)).queryParam("comment", "stricter critical rate").when().post("/api/rulesets").then().statusCode(201)
                .body("revision", equalTo(rules.files().revision())).body("active", equalTo(false))
                .extract().path("revision");
    }

    static String activeRevision() {
        return given().when().get("/api/rulesets/active").then().statusCode(200).extract().path("revision");
    }

    @Test
    void anUploadIsStoredButNeverTouchesTheLiveDecisions() throws Exception {
        String candidate = uploadStricter();
        assertEquals(original, activeRevision());
        given().when().get("/api/rulesets").then().statusCode(200)
                .body("find { it.revision == '" + candidate + "' }.author", equalTo(Governed.FIRST))
                .body("find { it.revision == '" + original + "' }.active", equalTo(true));
        given().contentType("application/json").body(Files.EVALUATE).when().post("/api/rulesets/active/evaluate")
                .then().body("rulesetRevision", equalTo(original));

        // its files, and what differs from the active version
        byte[] downloaded = given().when().get("/api/rulesets/" + candidate + "/files").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        assertTrue(new String(downloaded, StandardCharsets.ISO_8859_1).contains("parameters.yaml"));
        given().when().get("/api/rulesets/" + original + "/diff/" + candidate).then().statusCode(200)
                .body("path", equalTo(List.of("parameters.yaml")))
                .body("[0].status", equalTo("CHANGED"))
                .body("[0].diff", hasItem(containsString("+cancelRateCritical: " + STRICTER_CRITICAL)));
    }

    @Test
    void theHostileUploadOfIssue10IsRefusedNamingTheConstructAndRunsNothing() throws Exception {
        // the zip that ran a shell command during the upload's scenario check before the sandbox was a boundary
        RulesFolder hostile = RulesFolder.copy().write("advice/evil.drl", """
                package shophealth.advice;
                import dev.shophealth.fact.CancellationRequestFact;
                global dev.shophealth.outcome.Outcomes outcomes;
                rule "ADV-EVIL-01 Harmless looking"
                when
                    CancellationRequestFact()
                then
                    org.mvel2.MVEL.eval("Runtime.getRuntime().exec(\\"touch pwned\\")");
                end
                """).write("advice/evil.scenarios.yaml", "- name: runs\n  given: {}\n  expect: {}\n");

        given().contentType("application/zip").body(zip(hostile)).when().post("/api/rulesets").then().statusCode(422)
                .body("errors.field", hasItem("advice/evil.drl"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("mvel2")));
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("pwned")));
        given().when().get("/api/rulesets").then().body("revision", not(hasItem(hostile.files().revision())));
    }

    @Test
    void aCandidateThatFailsItsChecksIsNeitherStoredNorActivatable() throws Exception {
        RulesFolder broken = RulesFolder.copy().replace("validity/out-of-stock.drl", "warehouseStock >= quantity)",
                "warehouseStock >= )");
        given().contentType("application/zip").body(zip(broken)).when().post("/api/rulesets").then().statusCode(422)
                .body("errors[0].field", equalTo("validity/out-of-stock.drl"));
        given().when().get("/api/rulesets").then().body("revision", not(hasItem(broken.files().revision())));
        given().when().post("/api/rulesets/" + broken.files().revision() + "/activate").then().statusCode(404);
        given().contentType("application/zip").body("not a zip".getBytes()).when().post("/api/rulesets").then()
                .statusCode(400).body("errors[0].field", equalTo("file"));
    }

    @Test
    void aBacktestOfAStricterThresholdListsExactlyTheRequestsWhoseVerdictChanges() throws Exception {
        // given
        String candidate = uploadStricter();
        Set<String> expected = expectedFlips();
        assertFalse(expected.isEmpty(), "the sample should hold requests between 4 % and 10 %");

        // when
        String job = given().contentType("application/json").body("{\"from\": \"2000-01-01\", \"to\": \"2100-01-01\"}")
                .when().post("/api/rulesets/" + candidate + "/backtest").then().statusCode(202)
                .header("Location", containsString("/api/backtests/")).extract().path("id");
        JsonPath done = Governed.poll(job);

        // then
        assertEquals("DONE", done.getString("state"));
        assertEquals(100.0, done.getDouble("percentDone"));
        Set<String> changed = new TreeSet<>(done.getList("report.changedDecisions.decisionId", String.class));
        assertEquals(expected, changed);
        assertTrue(done.getList("report.changedDecisions.candidateVerdict").stream().allMatch("MANUAL_REVIEW"::equals));
        assertTrue(done.getList("report.changedDecisions.rulesResponsible", List.class).stream()
                .allMatch(r -> r.contains("FRQ-RATE-02")));
        assertEquals(original, done.getString("report.activeRevision"));
        assertTrue(done.getLong("report.candidateVerdicts.MANUAL_REVIEW")
                > done.getLong("report.activeVerdicts.MANUAL_REVIEW"));
        assertTrue(done.getList("report.healthDates").size() >= 1);
        assertEquals(original, activeRevision(), "a backtest never activates anything");
    }

    /** Recorded screenings approved although a window held 4 % to 10 % cancellations over at least 20 orders. */
    private Set<String> expectedFlips() throws Exception {
        List<DecisionLogEntry> rows = QuarkusTransaction.requiringNew().call(() -> DecisionLogEntry.list("kind", "SCREENING"));
        Set<String> ids = new TreeSet<>();
        for (DecisionLogEntry row : rows) {
            JsonNode stats = json.readTree(row.input).get("stats");
            boolean between = false;
            for (JsonNode s : stats) {
                double rate = s.get("sellerCancellations").asDouble() / s.get("orders").asDouble();
                between |= s.get("orders").asInt() >= 20 && rate >= STRICTER_CRITICAL && rate < 0.10;
            }
            if (between && "APPROVE".equals(row.verdict) && row.rulesetRevision.equals(original)) {
                ids.add(row.decisionId);
            }
        }
        return ids;
    }

    @Test
    void aBacktestCanBeCancelled() throws Exception {
        String candidate = uploadStricter();
        String job = given().contentType("application/json").body("{\"from\": \"2000-01-01\", \"to\": \"2100-01-01\"}")
                .when().post("/api/rulesets/" + candidate + "/backtest").then().statusCode(202).extract().path("id");
        int status = given().when().delete("/api/backtests/" + job).then().extract().statusCode();
        JsonPath end = Governed.poll(job);
        // a job that finished before the cancel arrived answers 409; one that was running ends CANCELLED
        assertEquals(status == 409 ? "DONE" : "CANCELLED", end.getString("state"));
        given().contentType("application/json").body("{\"from\": \"2026-02-01\", \"to\": \"2026-01-01\"}")
                .when().post("/api/rulesets/" + candidate + "/backtest").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().when().get("/api/backtests/nope").then().statusCode(404);
    }

    @Test
    void activationAndRollbackAreRecorded() throws Exception {
        String candidate = uploadStricter();
        JsonPath backtest = Governed.backtestAndApprove(candidate);
        given().queryParam("comment", "stricter critical rate, backtested").when()
                .post("/api/rulesets/" + candidate + "/activate").then()
                .statusCode(200).body("oldRevision", equalTo(original)).body("newRevision", equalTo(candidate))
                .body("changedParameters", hasItem("cancelRateCritical"));
        assertEquals(candidate, activeRevision());
        given().when().get("/api/rulesets/activations").then().statusCode(200)
                .body("[0].kind", equalTo("ACTIVATE")).body("[0].activatedBy", equalTo(Governed.FIRST))
                .body("[0].fromRevision", equalTo(original)).body("[0].toRevision", equalTo(candidate))
                .body("[0].comment", equalTo("stricter critical rate, backtested"))
                .body("[0].approvedBy", equalTo(Governed.SECOND))
                .body("[0].backtestId", equalTo(backtest.getString("id")))
                .body("[0].verdictsChanged", equalTo(backtest.getList("report.changedDecisions").size()))
                .body("[0].levelsChanged", equalTo(backtest.getList("report.changedLevels").size()));

        given().when().post("/api/rulesets/rollback").then().statusCode(200)
                .body("newRevision", equalTo(original));
        assertEquals(original, activeRevision());
        given().when().get("/api/rulesets/activations").then()
                .body("[0].kind", equalTo("ROLLBACK")).body("[0].activatedBy", equalTo(Governed.FIRST))
                .body("[0].approvedBy", org.hamcrest.Matchers.nullValue())
                .body("[0].fromRevision", equalTo(candidate)).body("[0].toRevision", equalTo(original));
        given().when().post("/api/rulesets/0000000000000000/activate").then().statusCode(404);
    }

    @Test
    void anActivationByAnotherInstanceIsServedWithinFiveSeconds() throws Exception {
        // given: another instance on the same database activates the stricter version
        String candidate = uploadStricter();
        QuarkusTransaction.requiringNew().run(() -> {
            RulesetActivation a = new RulesetActivation();
            a.activatedAt = Instant.now();
            a.activatedBy = "instance-2";
            a.kind = RulesetActivation.Kind.ACTIVATE;
            a.fromRevision = original;
            a.toRevision = candidate;
            a.persist();
        });

        // then: this instance follows by itself
        long start = System.nanoTime();
        while (!activeRevision().equals(candidate) && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(100);
        }
        assertEquals(candidate, activeRevision(), "not served within 5 s");
    }

    @Test
    void aTamperedVersionActivatedElsewhereIsNeverServed() {
        QuarkusTransaction.requiringNew().run(() -> {
            RulesetVersion v = new RulesetVersion();
            v.revision = "feedfacefeedface";
            v.files = "{\"parameters.yaml\": \"maxRuleFirings: 1\"}";
            v.author = "intruder";
            v.createdAt = Instant.now();
            v.persist();
            RulesetActivation a = new RulesetActivation();
            a.activatedAt = Instant.now();
            a.activatedBy = "instance-2";
            a.kind = RulesetActivation.Kind.ACTIVATE;
            a.fromRevision = original;
            a.toRevision = v.revision;
            a.persist();
        });
        fleet.sync();
        assertEquals(original, activeRevision());
        // the fleet goes on from a good activation
        QuarkusTransaction.requiringNew().run(() -> {
            RulesetActivation a = new RulesetActivation();
            a.activatedAt = Instant.now();
            a.activatedBy = "instance-2";
            a.kind = RulesetActivation.Kind.ROLLBACK;
            a.fromRevision = "feedfacefeedface";
            a.toRevision = original;
            a.persist();
        });
    }

    @Test
    void aReplayReproducesTheOriginalDecisionWithTheOriginalVersion() throws Exception {
        String candidate = uploadStricter();
        String decisionId = expectedFlips().iterator().next();
        given().when().get("/api/decisions/" + decisionId).then().statusCode(200)
                .body("rulesetRevision", equalTo(original)).body("input.request.orderNo", org.hamcrest.Matchers.notNullValue())
                .body("output.verdict", equalTo("APPROVE"));
        given().when().post("/api/decisions/" + decisionId + "/replay").then().statusCode(200)
                .body("same", equalTo(true)).body("replayRevision", equalTo(original));
        given().queryParam("version", candidate).when().post("/api/decisions/" + decisionId + "/replay").then()
                .statusCode(200).body("same", equalTo(false))
                .body("differences.find { it.field == 'verdict' }.replayed", equalTo("MANUAL_REVIEW"));
        given().when().post("/api/decisions/nope/replay").then().statusCode(404);
    }

    @Test
    void coverageShowsHowOftenEachRuleFiredAndTheDeadOnes() {
        given().queryParam("from", "2000-01-01").queryParam("to", "2100-01-01").when().get("/api/rulesets/coverage")
                .then().statusCode(200)
                .body("rulesetRevision", equalTo(original))
                .body("rules.find { it.id == 'VAL-OOS-02' }.fired", org.hamcrest.Matchers.greaterThan(0))
                .body("neverFired", hasItem("VAL-OTH-01"))
                .body("neverFired", not(hasItem("VAL-OOS-02")));
    }

    /** Request bodies shared with other tests. */
    static final class Files {
        static final String EVALUATE = read("data/examples/evaluate-seed.json");

        private static String read(String path) {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of(path));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
