package dev.shophealth.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file under data/examples works where the README uses it: each is named in the README with the endpoint it
 * is posted to, and posting it there gives the answer the README describes.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(ExamplesResourceTest.FreshSample.class)
@TestSecurity(user = "admin", roles = "ADMIN")
class ExamplesResourceTest {

    /** A database of its own with the sample freshly loaded: other tests cancel the seed's example order. */
    public static class FreshSample implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shophealth.jdbc.h2", "jdbc:h2:mem:examples;DB_CLOSE_DELAY=-1");
        }
    }

    /** Each example and the endpoint the README posts it to. */
    static final Map<String, String> WHERE = Map.of(
            "cancel-seed-order.json", "/api/cancellations",
            "evaluate-seed.json", "/api/rulesets/active/evaluate",
            "evaluate-history.json", "/api/evaluate");

    @Test
    void everyExampleIsInTheReadmeBesideItsEndpoint() throws Exception {
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of("data/examples"))) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(WHERE.keySet().stream().sorted().toList(), files, "examples without a test, or tests without a file");
        String readme = Files.readString(Path.of("README.md"));
        for (var e : WHERE.entrySet()) {
            int at = readme.indexOf("data/examples/" + e.getKey());
            assertTrue(at > 0, e.getKey() + " is not in the README");
            String around = readme.substring(Math.max(0, at - 300), Math.min(readme.length(), at + 300));
            assertTrue(around.contains(e.getValue()), e.getKey() + " is not shown with " + e.getValue());
        }
    }

    @Test
    void theSeedOrderIsApprovedWithTheInventorySyncAdvice() throws Exception {
        given().contentType("application/json").header("Idempotency-Key", "examples-seed")
                .body(Files.readString(Path.of("data/examples/cancel-seed-order.json")))
                .when().post("/api/cancellations").then().statusCode(201)
                .body("screening.verdict", equalTo("APPROVE"))
                .body("screening.suggestions.code", hasItem("SYNC_INVENTORY_REALTIME"));
    }

    @Test
    void theSeedFactsEvaluateOnTheActiveRuleset() throws Exception {
        given().contentType("application/json").body(Files.readString(Path.of("data/examples/evaluate-seed.json")))
                .when().post("/api/rulesets/active/evaluate").then().statusCode(200)
                .body("verdict", equalTo("APPROVE")).body("rulesetRevision", notNullValue());
    }

    @Test
    void thePostedHistoryGivesAReport() throws Exception {
        given().contentType("application/json").body(Files.readString(Path.of("data/examples/evaluate-history.json")))
                .when().post("/api/evaluate").then().statusCode(200)
                .body("shopId", equalTo("EX-SHOP")).body("metrics", org.hamcrest.Matchers.hasKey("30d"))
                .body("decisionId", equalTo(null));
    }
}
