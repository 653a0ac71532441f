package dev.shophealth.ruleset.version;

import static dev.shophealth.ruleset.version.Governed.analyst;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.shophealth.ruleset.CopiedRulesProfile;
import dev.shophealth.ruleset.SinglePersonProfile;
import dev.shophealth.ruleset.engine.RulesFolder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Single-person mode: the author may approve and activate alone, but never without a fresh backtest. */
@QuarkusTest
@TestProfile(SinglePersonProfile.class)
@Tag("persistence")
class SinglePersonModeTest {

    private final String original = RulesFolder.copyInto(CopiedRulesProfile.DIR).files().revision();

    @AfterEach
    void backToTheOriginal() {
        RulesFolder.copyInto(CopiedRulesProfile.DIR);
        analyst().when().post("/api/rulesets/reload").then().statusCode(200);
    }

    @Test
    void theAuthorMayApproveAndActivateAloneAfterABacktest() throws Exception {
        RulesFolder rules = RulesFolder.copy().replace("parameters.yaml", "cancelRateCritical: 0.10",
                "cancelRateCritical: 0.06");
        String candidate = analyst().contentType("application/zip").body(RulesetVersionResourceTest.zip(rules))
                .queryParam("comment", "alone").when().post("/api/rulesets").then().statusCode(201)
                .extract().path("revision");

        // no approval is needed, the backtest is
        analyst().when().post("/api/rulesets/" + candidate + "/activate").then().statusCode(409)
                .body("detail", containsString("no backtest")).body("detail", not(containsString("approved")));
        analyst().contentType("application/json").body("{\"comment\": \"my own, in development\"}")
                .when().post("/api/rulesets/" + candidate + "/approvals").then().statusCode(201)
                .body("approvedBy", equalTo("analyst"));
        Governed.backtest(candidate);
        analyst().when().get("/api/rulesets/" + candidate).then().body("missing", hasSize(0))
                .body("singlePersonMode", equalTo(true));
        analyst().when().post("/api/rulesets/" + candidate + "/activate").then().statusCode(200)
                .body("newRevision", equalTo(candidate));
        analyst().when().get("/api/rulesets/activations").then().body("[0].approvedBy", equalTo("analyst"));
    }

    @Test
    void aReloadActivatesTheFolder() {
        String changed = RulesFolder.copyInto(CopiedRulesProfile.DIR).replace("parameters.yaml",
                "cancelRateCritical: 0.10", "cancelRateCritical: 0.08").files().revision();
        analyst().when().post("/api/rulesets/reload").then().statusCode(200).body("newRevision", equalTo(changed));
        analyst().when().get("/api/rulesets/active").then().body("revision", not(equalTo(original)));
    }
}
