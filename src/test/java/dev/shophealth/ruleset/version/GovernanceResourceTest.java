package dev.shophealth.ruleset.version;

import static dev.shophealth.ruleset.version.Governed.analyst;
import static dev.shophealth.ruleset.version.Governed.secondAnalyst;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.shophealth.cancellation.Cancellation;
import dev.shophealth.cancellation.CancellationStatus;
import dev.shophealth.ruleset.CopiedRulesProfile;
import dev.shophealth.ruleset.engine.RulesFolder;
import dev.shophealth.ruleset.engine.RulesetFiles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Governance of ruleset changes with four eyes enforced (the default): a second analyst's approval and a fresh
 * backtest before an activation, rollbacks only to what was active, reloads refused, the diff as a patch, shadow
 * mode on live screenings.
 */
@QuarkusTest
@TestProfile(CopiedRulesProfile.class)
@Tag("persistence")
class GovernanceResourceTest {

    private final String original = RulesFolder.copyInto(CopiedRulesProfile.DIR).files().revision();

    @AfterEach
    void backToTheOriginal() {
        RulesFolder.copyInto(CopiedRulesProfile.DIR);
        String active = analyst().when().get("/api/rulesets/active").then().extract().path("revision");
        if (!original.equals(active)) {
            analyst().queryParam("to", original).when().post("/api/rulesets/rollback").then().statusCode(200);
        }
    }

    /** A candidate with another critical cancellation rate, uploaded by the first analyst. */
    private static String upload(String criticalRate) throws Exception {
        RulesFolder rules = RulesFolder.copy().replace("parameters.yaml", "cancelRateCritical: 0.10",
                "cancelRateCritical: " + criticalRate);
        return analyst().contentType("application/zip").body(RulesetVersionResourceTest.zip(rules))
                .queryParam("comment", "critical rate " + criticalRate).when().post("/api/rulesets").then()
                .statusCode(201).extract().path("revision");
    }

    @Test
    void anActivationNeedsASecondAnalystsApprovalAndAFreshBacktest() throws Exception {
        // given: a candidate the first analyst wrote (a value no other test backtests)
        String candidate = upload("0.055");

        // then: not activatable yet, and the reasons are named
        analyst().when().post("/api/rulesets/" + candidate + "/activate").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("no analyst other than its author (analyst) has approved it"))
                .body("detail", containsString("no backtest of it against the active ruleset"));
        // its author cannot approve it; a comment is required
        analyst().contentType("application/json").body("{\"comment\": \"my own, trust me\"}")
                .when().post("/api/rulesets/" + candidate + "/approvals").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("analyst wrote version " + candidate + " and cannot approve it"))
                .body("errors[0].field", equalTo("approvedBy"));
        secondAnalyst().contentType("application/json").body("{\"comment\": \"  \"}")
                .when().post("/api/rulesets/" + candidate + "/approvals").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        secondAnalyst().contentType("application/json").body("{}")
                .when().post("/api/rulesets/" + candidate + "/approvals").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));

        // when: the second analyst approves (no backtest yet)
        secondAnalyst().contentType("application/json").body("{\"comment\": \"5 % is what the team agreed\"}")
                .when().post("/api/rulesets/" + candidate + "/approvals").then().statusCode(201)
                .body("approvedBy", equalTo("analyst2")).body("backtestId", nullValue());
        secondAnalyst().contentType("application/json").body("{\"comment\": \"again\"}")
                .when().post("/api/rulesets/" + candidate + "/approvals").then().statusCode(409);

        // then: the backtest is still missing
        analyst().when().post("/api/rulesets/" + candidate + "/activate").then().statusCode(409)
                .body("detail", not(containsString("approved")))
                .body("detail", containsString("no backtest"));
        analyst().when().get("/api/rulesets/" + candidate).then().statusCode(200)
                .body("approvals.approvedBy", equalTo(List.of("analyst2")))
                .body("approvals[0].comment", equalTo("5 % is what the team agreed"))
                .body("missing", hasSize(1)).body("usableBacktest", nullValue())
                .body("singlePersonMode", equalTo(false));

        // when: it is backtested against the active ruleset
        JsonPath backtest = Governed.backtest(candidate);
        int verdictsChanged = backtest.getList("report.changedDecisions").size();
        analyst().when().get("/api/rulesets/" + candidate).then().statusCode(200)
                .body("missing", hasSize(0))
                .body("usableBacktest.id", equalTo(backtest.getString("id")))
                .body("usableBacktest.activeRevision", equalTo(original))
                .body("usableBacktest.verdictsChanged", equalTo(verdictsChanged))
                .body("usableBacktest.levelsChanged", equalTo(backtest.getList("report.changedLevels").size()));

        // a backtest older than the allowed age does not count
        String id = backtest.getString("id");
        Instant finished = age(id, null);
        analyst().when().post("/api/rulesets/" + candidate + "/activate").then().statusCode(409)
                .body("detail", containsString("finished within the last 24 h"));
        age(id, finished);

        // then: the first analyst activates it, and the activation records what it rested on
        analyst().queryParam("comment", "team decision").when().post("/api/rulesets/" + candidate + "/activate")
                .then().statusCode(200).body("newRevision", equalTo(candidate));
        analyst().when().get("/api/rulesets/activations").then()
                .body("[0].approvedBy", equalTo("analyst2")).body("[0].backtestId", equalTo(id))
                .body("[0].verdictsChanged", equalTo(verdictsChanged)).body("[0].comment", equalTo("team decision"));
        RestAssured.given().auth().preemptive().basic("admin", "admin-demo").when().get("/api/audit").then()
                .body("findAll { it.action == 'RULESET_APPROVED' && it.subject == '" + candidate + "' }.actor",
                        hasItem("analyst2"));
    }

    /** Moves a backtest's end 25 hours back (null) or back to {@code to}; returns its end before. */
    private static Instant age(String id, Instant to) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var row = dev.shophealth.ruleset.backtest.StoredBacktest.<dev.shophealth.ruleset.backtest.StoredBacktest>findById(id);
            Instant before = row.finishedAt;
            row.finishedAt = to != null ? to : Instant.now().minus(Duration.ofHours(25));
            return before;
        });
    }

    @Test
    void aBacktestAgainstAnotherActiveRulesetDoesNotCount() throws Exception {
        String first = upload("0.06");
        String second = upload("0.07");
        Governed.backtestAndApprove(second);
        Governed.activate(first);
        analyst().when().get("/api/rulesets/" + second).then().statusCode(200)
                .body("missing", hasItem(containsString("no backtest of it against the active ruleset (" + first + ")")));
        analyst().when().post("/api/rulesets/" + second + "/activate").then().statusCode(409);
    }

    @Test
    void aReloadThatWouldActivateTheFolderIsRefused() throws Exception {
        analyst().when().post("/api/rulesets/reload").then().statusCode(200).body("changed", equalTo(false));
        RulesFolder.copyInto(CopiedRulesProfile.DIR).replace("parameters.yaml", "cancelRateCritical: 0.10",
                "cancelRateCritical: 0.08");
        analyst().when().post("/api/rulesets/reload").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("Four eyes are enforced"));
        assertEquals(original, analyst().when().get("/api/rulesets/active").then().extract().path("revision"));
    }

    @Test
    void aRollbackGoesOnlyToARevisionThatWasActive() throws Exception {
        String never = upload("0.09");
        analyst().queryParam("to", never).when().post("/api/rulesets/rollback").then().statusCode(400)
                .body("errors[0].field", equalTo("to")).body("errors[0].message", containsString("was never active"));
        analyst().queryParam("to", original).when().post("/api/rulesets/rollback").then().statusCode(409)
                .body("detail", containsString("is the active ruleset already"));
    }

    @Test
    void theDiffTakesTheActiveAliasAndIsAPatchThatApplies() throws Exception {
        String candidate = upload("0.05");
        analyst().when().get("/api/rulesets/active/diff/" + candidate).then().statusCode(200)
                .body("path", equalTo(List.of("parameters.yaml")));
        String patch = analyst().header("Accept", "text/x-diff").when().get("/api/rulesets/active/diff/" + candidate)
                .then().statusCode(200).contentType(containsString("text/x-diff")).extract().asString();
        assertTrue(patch.startsWith("--- a/parameters.yaml\n+++ b/parameters.yaml\n@@ "), patch);

        // applied to the active version's files, the patch gives the candidate's
        Map<String, String> active = new TreeMap<>(RulesFolder.copy().files().files());
        Map<String, String> expected = new TreeMap<>(RulesFolder.copy().replace("parameters.yaml",
                "cancelRateCritical: 0.10", "cancelRateCritical: 0.05").files().files());
        List<String> lines = patch.lines().toList();
        Patch<String> p = UnifiedDiffUtils.parseUnifiedDiff(lines);
        List<String> patched = p.applyTo(active.get("parameters.yaml").lines().toList());
        assertEquals(expected.get("parameters.yaml").lines().toList(), patched);
        analyst().when().get("/api/rulesets/active/diff/nope").then().statusCode(404);
    }

    @Test
    void aCandidateInShadowRecordsItsDisagreementsOnLiveScreeningsAndDecidesNothing() throws Exception {
        // given: a stricter candidate (critical at 4 %) in shadow
        String stricter = upload("0.04");
        analyst().when().put("/api/rulesets/" + original + "/shadow").then().statusCode(409);
        analyst().when().put("/api/rulesets/" + stricter + "/shadow").then().statusCode(200)
                .body("revision", equalTo(stricter)).body("setBy", equalTo("analyst"))
                .body("activeRevision", equalTo(original));

        // when: the seed order (S1002 cancels 8 % in 7 days) is screened live
        String body = Files.readString(Path.of("data/examples/cancel-seed-order.json"));
        JsonPath screened = RestAssured.given().auth().preemptive().basic("merchant-S1002", "merchant-demo")
                .contentType("application/json").header("Idempotency-Key", "shadow-" + System.nanoTime()).body(body)
                .when().post("/api/cancellations").then().statusCode(201).extract().jsonPath();

        // then: the active ruleset decided it; the shadow would have sent it to a person
        assertEquals("AUTO_APPROVED", screened.getString("status"));
        assertEquals(original, screened.getString("screening.rulesetRevision"));
        String decisionId = screened.getString("screening.decisionId");
        JsonPath found = null;
        for (int i = 0; i < 300 && found == null; i++) {
            JsonPath page = analyst().when().get("/api/rulesets/shadow/disagreements?size=10").then().statusCode(200)
                    .extract().jsonPath();
            if (page.getList("items.decisionId").contains(decisionId)) {
                found = page;
            } else {
                Thread.sleep(100);
            }
        }
        assertTrue(found != null, "the disagreement was not recorded within 30 s");
        assertEquals("APPROVE", found.getString("items.find { it.decisionId == '" + decisionId + "' }.activeVerdict"));
        assertEquals("MANUAL_REVIEW", found.getString("items.find { it.decisionId == '" + decisionId + "' }.shadowVerdict"));
        assertTrue(found.getList("items.find { it.decisionId == '" + decisionId + "' }.rulesResponsible")
                .contains("FRQ-RATE-02"));
        analyst().when().get("/api/rulesets/shadow").then().statusCode(200).body("revision", equalTo(stricter))
                .body("disagreements", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("screenings", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        analyst().queryParam("size", "0").when().get("/api/rulesets/shadow/disagreements").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));

        // the version's page lists the disagreement, linking to the decision
        String orderNo = screened.getString("orderNo");
        String page = analyst().when().get("/rules/versions/" + stricter).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"shadow-list\"") && page.contains("/rules/decisions/" + decisionId)
                && page.contains(orderNo), "the version page lists the shadow's disagreement");

        // and out of shadow again
        analyst().when().delete("/api/rulesets/shadow").then().statusCode(204);
        analyst().when().get("/api/rulesets/shadow").then().statusCode(200).body("revision", nullValue());
        analyst().when().delete("/api/rulesets/shadow").then().statusCode(404);
    }

    @Test
    void aBacktestScoresBothRulesetsAgainstTheReviewersDecisions() throws Exception {
        String candidate = upload("0.05");
        JsonPath done = Governed.backtest(candidate);
        List<String> reviewed = QuarkusTransaction.requiringNew().call(() -> Cancellation.<Cancellation>list(
                "status in ?1", List.of(CancellationStatus.APPROVED, CancellationStatus.REJECTED)).stream()
                .map(c -> c.decisionId).toList());
        assertTrue(!reviewed.isEmpty(), "the sample holds requests decided by a reviewer");
        // the active ruleset is the one that sent each of them to a person: it defers every one
        assertEquals(reviewed.size(), done.getInt("report.activeAgreement.humanDecisions"));
        assertEquals(reviewed.size(), done.getInt("report.activeAgreement.deferred"));
        assertEquals(0.0, done.getDouble("report.activeAgreement.agreementRate"));
        int n = done.getInt("report.candidateAgreement.humanDecisions");
        assertEquals(reviewed.size(), n);
        assertEquals(n, done.getInt("report.candidateAgreement.agreed") + done.getInt("report.candidateAgreement.disagreed")
                + done.getInt("report.candidateAgreement.deferred"));
    }
}
