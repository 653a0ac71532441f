package dev.shophealth.ruleset;

import dev.shophealth.ruleset.engine.HostileRulesTest;
import dev.shophealth.ruleset.engine.RulesFolder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live rule base and its reload loop, which activates the folder: single-person mode (development). */
@QuarkusTest
@TestProfile(SinglePersonProfile.class)
@TestSecurity(user = "analyst", roles = "ANALYST")
class RulesetResourceTest {

    /**
     * The README's example (data/examples): the seed's order with 3 of 60 orders cancelled in 7 days (5 %),
     * above the 2.5 % warning level and under the 10 % critical level.
     */
    static final String FIVE_PERCENT = read("data/examples/evaluate-seed.json");

    private static String read(String file) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final RulesFolder rules = RulesFolder.copyInto(CopiedRulesProfile.DIR);

    @jakarta.inject.Inject
    io.quarkus.scheduler.Scheduler scheduler;

    @AfterEach
    void restoreRules() {
        RulesFolder.copyInto(CopiedRulesProfile.DIR);
        given().when().post("/api/rulesets/reload").then().statusCode(200);
    }

    private static ValidatableResponse evaluate(String body, String language) {
        return given().contentType("application/json").header("Accept-Language", language).body(body)
                .when().post("/api/rulesets/active/evaluate").then();
    }

    private static String activeRevision() {
        return given().when().get("/api/rulesets/active").then().statusCode(200).extract().path("revision");
    }

    @Test
    void aRuleThatRunsAwayOnlyOnLiveFactsIsStoppedAtTheDeadlineAndReported() {
        // given: a rule whose scenario passes quickly (so it passes the check process) but that backtracks for ages
        // on one live order
        rules.write("advice/runaway.drl", """
                package shophealth.advice;
                import dev.shophealth.fact.CancellationRequestFact;
                global dev.shophealth.outcome.Outcomes outcomes;
                rule "ADV-RUN-01 Looks at one order very closely"
                when
                    $r : CancellationRequestFact()
                then
                    if ($r.orderNo().equals("RUNAWAY-1") && "x".repeat(5000).matches("(x+x+)+y")) {
                        outcomes.review(drools, "EVIDENCE_MISSING", "reason", $r.reason());
                    }
                end
                """).write("advice/runaway.scenarios.yaml", """
                - name: another order is looked at quickly
                  given:
                    request: {orderNo: O1, shopId: S1, reason: OUT_OF_STOCK, quantity: 1, listedStockAtOrder: 1,
                              warehouseStock: 0, buyerContacted: true}
                  expect: {absentFindings: [EVIDENCE_MISSING]}
                """);
        given().when().post("/api/rulesets/reload").then().statusCode(200);
        String runaway = FIVE_PERCENT.replace("DY1002009999", "RUNAWAY-1")
                .replace("\"parameters\": {}", "\"parameters\": {\"evaluationTimeoutMillis\": 300}");

        // when
        evaluate(runaway, "en").statusCode(200)
                // then: the request goes to a person, the thread is free again, and the ruleset is reported
                .body("verdict", equalTo("MANUAL_REVIEW"))
                .body("error", org.hamcrest.Matchers.containsString("did not finish within 300 ms"));
        evaluate(FIVE_PERCENT, "en").statusCode(200).body("verdict", equalTo("APPROVE"));
        given().when().get("/api/rulesets/active").then().body("evaluationsStoppedAtDeadline", equalTo(1));
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'ruleset' }.data.evaluationsStoppedAtDeadline", equalTo(1));
    }

    @Test
    void theActiveRulesetShowsRulesParametersAndRevision() {
        given().when().get("/api/rulesets/active").then().statusCode(200)
                .body("revision", equalTo(rules.files().revision()))
                .body("rules.id", hasItems("VAL-OOS-01", "VAL-OOS-02", "FRQ-RATE-01", "ADV-CON-01"))
                .body("rules.find { it.id == 'VAL-OOS-02' }.file", equalTo("validity/out-of-stock.drl"))
                .body("rules.find { it.id == 'VAL-OOS-02' }.metadata.severity", equalTo("WARNING"))
                .body("parameters.find { it.name == 'cancelRateWarning' }.value", equalTo(0.025f))
                .body("parameters.find { it.name == 'cancelRateWarning' }.max", equalTo(1.0f))
                .body("parameters.find { it.name == 'cancelRateWarning' }.comment", containsString("Amazon"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'ruleset' }.data.revision", equalTo(activeRevision()));
    }

    @Test
    void theSeedExampleIsExplainedInBothLanguages() {
        evaluate(FIVE_PERCENT, "en").statusCode(200)
                .body("verdict", equalTo("APPROVE"))
                .body("rulesetRevision", equalTo(activeRevision()))
                .body("findings.code", hasItems("STOCK_SYNC_GAP", "HIGH_CANCELLATION_RATE"))
                .body("findings.find { it.code == 'STOCK_SYNC_GAP' }.message", containsString("listed 10"))
                .body("suggestions[0].code", equalTo("SYNC_INVENTORY_REALTIME"))
                .body("firedRules.id", hasItem("VAL-OOS-02"))
                .body("consideredNotFired.id", hasItems("VAL-OOS-01", "VAL-OOS-04"));
        evaluate(FIVE_PERCENT, "zh-CN,zh;q=0.9,en;q=0.5").statusCode(200)
                .body("findings.find { it.code == 'STOCK_SYNC_GAP' }.message", containsString("后台显示库存 10 件"))
                .body("suggestions[0].message", containsString("实时同步"));
    }

    @Test
    void aSyntaxErrorIsRejectedWithFileAndLineAndTheOldRevisionKeepsAnswering() {
        // given
        String before = activeRevision();
        rules.replace("validity/out-of-stock.drl", "warehouseStock >= quantity)", "warehouseStock >= )");

        // when / then
        given().when().post("/api/rulesets/reload").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("validity/out-of-stock.drl"))
                .body("errors[0].line", notNullValue())
                .body("detail", containsString("keeps serving"));
        given().when().get("/api/rulesets/active").then()
                .body("revision", equalTo(before))
                .body("lastReloadError.problems[0].file", equalTo("validity/out-of-stock.drl"));
        evaluate(FIVE_PERCENT, "en").statusCode(200).body("rulesetRevision", equalTo(before))
                .body("verdict", equalTo("APPROVE"));
    }

    @Test
    void changingAThresholdAndReloadingChangesTheOutcomeWithoutARestart() {
        // given: 5 % is above the 2.5 % warning level, and nothing watches the folder (shophealth.rules.watch is off)
        evaluate(FIVE_PERCENT, "en").body("findings.code", hasItem("HIGH_CANCELLATION_RATE"));
        String before = activeRevision();
        org.junit.jupiter.api.Assertions.assertNull(scheduler.getScheduledJob(RulesetRegistry.WATCHER));

        // when: the analyst raises the warning level to 6 %
        rules.replace("parameters.yaml", "cancelRateWarning: 0.025", "cancelRateWarning: 0.06");
        given().when().post("/api/rulesets/reload").then().statusCode(200)
                .body("oldRevision", equalTo(before))
                .body("newRevision", equalTo(rules.files().revision()))
                .body("changedParameters", hasItem("cancelRateWarning"));

        // then
        evaluate(FIVE_PERCENT, "en").body("findings.code", not(hasItem("HIGH_CANCELLATION_RATE")))
                .body("rulesetRevision", equalTo(rules.files().revision()));
    }

    @Test
    void aReloadReportsAddedRemovedAndChangedRules() {
        rules.replace("validity/other-reason.drl", "detailContent($p.cjkCharacterWeight) >= $p.otherDetailMinContent)",
                "detailContent($p.cjkCharacterWeight) >= $p.otherDetailMinContent, detail != null)");
        rules.replace("advice/buyer-contact.drl", "ADV-CON-01", "ADV-CON-09")
                .replace("advice/buyer-contact.drl", "outcomes.suggest(drools, \"CONTACT_BUYER\", 1);",
                        "outcomes.suggest(drools, \"CONTACT_BUYER\", 2);");
        given().when().post("/api/rulesets/reload").then().statusCode(200)
                .body("changedRules", hasItem("VAL-OTH-02"))
                .body("addedRules", hasItem("ADV-CON-09"))
                .body("removedRules", hasItem("ADV-CON-01"));
    }

    @Test
    void aHostileRuleFileIsRejectedAndTheActiveRulesetKeepsServing() {
        String before = activeRevision();
        rules.write("advice/evil.drl", HostileRulesTest.rule("Runtime.getRuntime().exec(\"touch /tmp/pwned\");"))
                .write("advice/evil.scenarios.yaml", "- {name: never, given: {}, expect: {}}\n");
        given().when().post("/api/rulesets/reload").then().statusCode(422)
                .body("errors.find { it.field == 'advice/evil.drl' }.line", equalTo(8))
                .body("errors.message", hasItem(containsString("'Runtime'")));
        given().when().get("/api/rulesets/active").then().body("revision", equalTo(before));
        evaluate(FIVE_PERCENT, "en").statusCode(200).body("rulesetRevision", equalTo(before));
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/pwned")));
    }

    @Test
    void aShopsWindowsCanBeTriedToo() {
        evaluate("""
                {"windows": [{"window": "30d", "days": 30, "orders": 300, "sellerCancellations": 20, "outOfStock": 20,
                  "quality": 0, "logistics": 0, "other": 0, "cancellationsWithoutContact": 0, "pendingReviews": 0,
                  "complaints": 0, "reviews": 90, "negativeReviews": 0, "failedInspections": 0, "logisticsIncidents": 0}]}
                """, "en").statusCode(200)
                .body("findings.code", hasItem("STOCK_SYNC_TROUBLE"))
                .body("scoreBreakdown.reason", hasItem("STOCK_SYNC_TROUBLE"));
    }

    @Test
    void reloadingUnchangedRulesChangesNothing() {
        given().when().post("/api/rulesets/reload").then().statusCode(200).body("changed", equalTo(false));
    }

    @Test
    void badFactsNameTheField() {
        evaluate("{\"request\": {\"orderNo\": \"O1\", \"quantity\": \"many\"}}", "en").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("request.quantity"));
        evaluate("{\"request\": {\"orderNo\": \"O1\", \"colour\": \"red\"}}", "en").statusCode(400)
                .body("errors[0].field", equalTo("request.colour"));
        evaluate("{}", "en").statusCode(400).body("errors[0].field", equalTo("request"));
        evaluate(FIVE_PERCENT.replace("\"parameters\": {}", "\"parameters\": {\"cancelRateWarning\": 7}"), "en")
                .statusCode(400).body("errors[0].field", equalTo("parameters"))
                .body("errors[0].message", containsString("between 0 and 1"));
    }

    @Test
    void scenariosOfTheActiveRulesetAreListed() {
        given().when().get("/api/rulesets/active/scenarios").then().statusCode(200)
                .body("failed", equalTo(0))
                .body("results.scenario", hasItem("the seed's example — listed 10, warehouse 5, ordered 8"));
    }
}
