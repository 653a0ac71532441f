package dev.shophealth.decision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Searching and exporting the decision log, on the sample data's screenings and a health report. */
@QuarkusTest
@TestSecurity(user = "analyst", roles = "ANALYST")
class DecisionSearchResourceTest {

    private static JsonPath search(String... params) {
        var request = given();
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        return request.when().get("/api/decisions").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void filtersNarrowTheLogAndEachFilterHolds() {
        JsonPath screenings = search("kind", "SCREENING", "size", "500");
        assertTrue(screenings.getLong("total") > 0);
        List<String> kinds = screenings.getList("items.kind");
        assertTrue(kinds.stream().allMatch("SCREENING"::equals), kinds.toString());

        String orderNo = screenings.getString("items[0].subject");
        JsonPath one = search("orderNo", orderNo);
        assertTrue(one.getList("items.subject").stream().allMatch(orderNo::equals));

        String rule = screenings.getList("items.firedRules", List.class).stream().filter(r -> !r.isEmpty())
                .map(r -> (String) r.get(0)).findFirst().orElseThrow();
        JsonPath fired = search("rule", rule, "size", "500");
        assertTrue(fired.getLong("total") > 0);
        for (Object rules : fired.getList("items.firedRules")) {
            assertTrue(((List<?>) rules).contains(rule), rule + " in " + rules);
        }

        String verdict = screenings.getString("items[0].verdict");
        given().queryParam("verdict", verdict).when().get("/api/decisions").then()
                .body("items.verdict", everyItem(equalTo(verdict)));
        given().queryParam("from", "2999-01-01").when().get("/api/decisions").then().body("total", equalTo(0));
    }

    @Test
    void aShopsDecisionsAreItsHealthReportsAndItsOrdersScreenings() {
        given().when().post("/api/shops/S1002/health/snapshot").then().statusCode(201);
        JsonPath shop = search("shopId", "S1002", "size", "500");
        assertTrue(shop.getList("items.kind").contains("SHOP_HEALTH"));
        assertTrue(shop.getList("items.kind").contains("SCREENING"));
        for (String subject : shop.<String>getList("items.subject")) {
            if (!subject.equals("S1002")) {
                given().when().get("/api/orders/" + subject).then().statusCode(200).body("order.shopId", equalTo("S1002"));
            }
        }
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        for (String[] bad : List.of(new String[] {"rule", "x%"}, new String[] {"verdict", "MAYBE"},
                new String[] {"kind", "OTHER"}, new String[] {"revision", "zz"}, new String[] {"size", "501"},
                new String[] {"from", "yesterday"})) {
            given().queryParam(bad[0], bad[1]).when().get("/api/decisions").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad[0]));
        }
        given().queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").when().get("/api/decisions").then()
                .statusCode(400).body("errors.field", hasItem("from"));
        given().queryParam("format", "xml").when().get("/api/decisions/export").then().statusCode(400)
                .body("errors.field", hasItem("format"));
    }

    @Test
    void exportsAsCsvInTheReadersLanguageAndAsNdjson() {
        long total = search("kind", "SCREENING").getLong("total");
        String zh = given().header("Accept-Language", "zh-CN").queryParam("kind", "SCREENING").when()
                .get("/api/decisions/export").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        assertTrue(zh.startsWith("\uFEFF决策编号,决策时间"), zh.substring(0, 40));
        assertEquals(total + 1, zh.lines().count());
        assertTrue(zh.lines().skip(1).allMatch(l -> l.contains("+08:00,SCREENING,")), "times in the platform's zone");
        String en = given().queryParam("kind", "SCREENING").queryParam("limit", "3").when().get("/api/decisions/export")
                .then().statusCode(200).extract().asString();
        assertTrue(en.startsWith("decisionId,decidedAt,kind"));
        assertEquals(4, en.lines().count());
        String nd = given().queryParam("kind", "SCREENING").queryParam("format", "ndjson").queryParam("limit", "5")
                .when().get("/api/decisions/export").then().statusCode(200).contentType(startsWith("application/x-ndjson"))
                .extract().asString();
        assertEquals(5, nd.lines().count());
        nd.lines().forEach(l -> assertEquals("SCREENING", JsonPath.from(l).getString("kind")));
    }
}
