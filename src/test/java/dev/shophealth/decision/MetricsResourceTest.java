package dev.shophealth.decision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;

import dev.shophealth.cancellation.ShopFixture;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A Prometheus scrape after a few decisions shows the decision, rule-fire, ruleset, queue and login series. */
@QuarkusTest
class MetricsResourceTest {

    private static String readDashboard() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("docs/grafana-dashboard.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aScrapeShowsDecisionsRuleFiresTheActiveRevisionTheQueueAndFailedLogins() {
        io.restassured.RestAssured.authentication = io.restassured.RestAssured.preemptive().basic("admin", "admin-demo");
        try {
            ShopFixture.shop("T9301").product("T9301-A", 10).order("T9301-1", "T9301-A", 2, 10).load();
        } finally {
            io.restassured.RestAssured.authentication = io.restassured.RestAssured.DEFAULT_AUTH;
        }
        given().auth().preemptive().basic("admin", "admin-demo").contentType("application/json")
                .header("Idempotency-Key", "metrics-1")
                .body("{\"orderNo\":\"T9301-1\",\"reason\":\"OUT_OF_STOCK\",\"evidence\":{\"warehouseStock\":0}}")
                .when().post("/api/cancellations").then().statusCode(201);
        given().auth().preemptive().basic("admin", "admin-demo").when().get("/api/shops/S1002/health").then()
                .statusCode(200);
        given().auth().preemptive().basic("admin", "wrong-password").when().get("/api/orders").then().statusCode(401);

        String scrape = given().when().get("/q/metrics").then().statusCode(200)
                .body(matchesRegex("(?s).*shophealth_decisions_total\\{[^}]*kind=\"SCREENING\"[^}]*} [1-9].*"))
                .body(matchesRegex("(?s).*shophealth_decisions_total\\{[^}]*kind=\"SHOP_HEALTH\"[^}]*verdict=\"NONE\"[^}]*} [1-9].*"))
                .body(matchesRegex("(?s).*shophealth_rule_fires_total\\{rule=\"[A-Z]+-[A-Z]+-\\d+\"} [1-9].*"))
                .body(containsString("shophealth_evaluation_seconds_bucket{"))
                .body(matchesRegex("(?s).*shophealth_ruleset_active\\{revision=\"[0-9a-f]{16}\"} 1\\.0.*"))
                .body(matchesRegex("(?s).*shophealth_review_queue \\d+\\.0.*"))
                .body(containsString("shophealth_review_oldest_waiting_seconds"))
                .body(matchesRegex("(?s).*shophealth_logins_failed_total\\{outcome=\"wrong-credentials\"} [1-9].*"))
                .body(containsString("shophealth_ruleset_activations_total{kind=\"STARTUP\"}"))
                .body(containsString("http_server_requests_seconds_bucket{")).extract().asString();

        // every series the Grafana dashboard queries is one this service exports
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(shophealth|http_server)_[a-z_]+")
                .matcher(readDashboard());
        int queried = 0;
        while (m.find()) {
            queried++;
            org.junit.jupiter.api.Assertions.assertTrue(scrape.contains(m.group() + "{") || scrape.contains(m.group() + " "),
                    "the dashboard queries " + m.group() + ", which the scrape does not have");
        }
        org.junit.jupiter.api.Assertions.assertTrue(queried >= 10, "dashboard series: " + queried);
    }
}
