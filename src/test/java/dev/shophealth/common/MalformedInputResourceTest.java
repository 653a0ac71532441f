package dev.shophealth.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shophealth.cancellation.Cancellation;
import dev.shophealth.dataimport.Csv;
import dev.shophealth.order.Shop;
import dev.shophealth.ruleset.RulesetVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input PostgreSQL cannot store or compute with answers 400 naming the field, and writes nothing: control
 * characters (NUL above all) in any path parameter, query parameter, JSON field or imported cell, and dates whose
 * year no database here holds.
 */
@QuarkusTest
@Tag("persistence")
@TestSecurity(user = "admin", roles = "ADMIN")
class MalformedInputResourceTest {

    private static final String NUL = "\u0000";

    /** Every endpoint with an id in its path: method, path with one {id}, the parameter's name. */
    static Stream<Arguments> endpointsWithAnId() {
        return Stream.of(
                Arguments.of("GET", "/api/orders/{id}", "orderNo"),
                Arguments.of("GET", "/api/cancellations/{id}", "id"),
                Arguments.of("POST", "/api/cancellations/{id}/review", "id"),
                Arguments.of("GET", "/api/decisions/{id}", "id"),
                Arguments.of("POST", "/api/decisions/{id}/replay", "id"),
                Arguments.of("GET", "/api/shops/{id}/health", "shopId"),
                Arguments.of("GET", "/api/shops/{id}/health/history", "shopId"),
                Arguments.of("GET", "/api/shops/{id}/cancellations.csv", "shopId"),
                Arguments.of("GET", "/api/backtests/{id}", "id"),
                Arguments.of("DELETE", "/api/backtests/{id}", "id"),
                Arguments.of("GET", "/api/rulesets/{id}/files", "revision"),
                Arguments.of("GET", "/api/rulesets/{id}/diff/active", "revision"),
                Arguments.of("GET", "/api/rulesets/active/diff/{id}", "other"),
                Arguments.of("POST", "/api/rulesets/{id}/activate", "revision"),
                Arguments.of("POST", "/api/rulesets/{id}/backtest", "revision"),
                Arguments.of("POST", "/api/import/{id}", "kind"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpointsWithAnId")
    void aNulByteInAnIdIs400NamingIt(String method, String path, String field) {
        for (String id : new String[] {NUL, "DY1002" + NUL + "009999", "S1002\u001B"}) {
            given().contentType("application/json").body(body(path))
                    .when().request(method, path, id)
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("type", equalTo("/problems/invalid-request"))
                    .body("errors[0].field", equalTo(field))
                    .body("errors[0].message", containsString("control characters"));
        }
    }

    /** A body each endpoint would accept, so only the id is at fault. */
    private static String body(String path) {
        if (path.endsWith("/review")) {
            return "{\"verdict\":\"APPROVE\",\"note\":\"ok\"}";
        }
        if (path.endsWith("/backtest")) {
            return "{\"from\":\"2026-08-01\",\"to\":\"2026-08-31\"}";
        }
        return path.startsWith("/api/import") ? "[{\"id\":\"T7001\",\"name\":\"n\",\"category\":\"c\"}]" : "{}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/orders?shopId=", "/api/orders?orderNo=", "/api/orders?product=",
            "/api/cancellations?shopId=", "/api/shops/health?level=", "/api/audit?limit="})
    void aNulByteInAQueryParameterIs400NamingIt(String pathAndName) {
        String name = pathAndName.substring(pathAndName.indexOf('?') + 1, pathAndName.length() - 1);
        given().urlEncodingEnabled(false).when().get(pathAndName + "S1%00")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo(name));
    }

    @Test
    void aRulesetStoredWithANulInItsCommentIsRefusedAndNothingIsStored() {
        long versions = RulesetVersion.count();
        given().queryParam("author", "analyst").queryParam("comment", "try" + NUL)
                .when().post("/api/rulesets/from-folder")
                .then().statusCode(400).body("errors[0].field", equalTo("comment"));
        assertEquals(versions, RulesetVersion.count());
    }

    @Test
    void aNulByteInAJsonFieldIs400NamingTheFieldAndNothingIsStored() {
        long requests = Cancellation.count();
        cancellation(Map.of("orderNo", "DY1002009999" + NUL, "reason", "OUT_OF_STOCK"))
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("orderNo"))
                .body("errors[0].message", equalTo("must not contain control characters; found U+0000 at character 13"));
        cancellation(Map.of("orderNo", "DY1002009999", "reason", "OUT_OF_STOCK", "buyerContact",
                Map.of("channel", "PHONE", "contactedAt", "2026-11-25T10:00:00+08:00", "summary", "called\u0007")))
                .statusCode(400).body("errors[0].field", equalTo("buyerContact.summary"));
        assertEquals(requests, Cancellation.count());
    }

    @Test
    void aCompensationLargerThanTheDatabaseHoldsIs400NamingItAndNothingIsStored() {
        // found by InputFuzzResourceTest: numeric(14, 2) overflowed on insert and answered 500
        long requests = Cancellation.count();
        cancellation(Map.of("orderNo", "DY1002009999", "reason", "OUT_OF_STOCK", "buyerContact",
                Map.of("channel", "PHONE", "contactedAt", "2026-11-25T10:00:00+08:00", "summary", "called",
                        "compensation", Map.of("type", "COUPON", "amount", new java.math.BigDecimal("123456789012345.67")))))
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("buyerContact.compensation.amount"))
                .body("errors[0].message", containsString("999999999999.99"));
        assertEquals(requests, Cancellation.count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en;q=2", "zh-CN;q=abc"})
    void anAcceptLanguageThatCannotBeReadIs400NamingIt(String header) {
        // found by InputFuzzResourceTest: a 400 that named no field
        given().header("Accept-Language", header).when().get("/api/shops/S1002/health")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("Accept-Language"));
        long requests = Cancellation.count();
        given().contentType("application/json").header("Accept-Language", header).header("Idempotency-Key", header)
                .body(Map.of("orderNo", "DY1002009999", "reason", "OUT_OF_STOCK"))
                .when().post("/api/cancellations")
                .then().statusCode(400).body("errors[0].field", equalTo("Accept-Language"));
        assertEquals(requests, Cancellation.count());
    }

    @Test
    void linesInANoteAreNotControlCharacters() {
        // tab, line feed and carriage return are text; the unknown id is what is wrong here
        given().contentType("application/json").body(Map.of("verdict", "REJECT", "note", "line 1\r\n\tline 2"))
                .when().post("/api/cancellations/{id}/review", "no-such-request")
                .then().statusCode(404);
    }

    @Test
    void aNulByteInAnImportedCellIs400WithItsLineAndNothingIsImported() {
        long shops = Shop.count();
        given().contentType("text/csv; charset=UTF-8")
                .body(Csv.header("id", "name", "category").row("T7101", "ok", "c").row("T7102", "ba" + NUL + "d", "c").text())
                .when().post("/api/import/shops")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].line", equalTo(3));
        given().contentType("application/json").body("[{\"id\":\"T7103\\u0000\",\"name\":\"n\",\"category\":\"c\"}]")
                .when().post("/api/import/shops")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        assertEquals(shops, Shop.count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T00:00:00Z", "-999999999-01-01T00:00:00Z", "-4714-01-01T00:00:00Z",
            "+294277-01-01T00:00:00Z", "0000-12-31"})
    void datesOutsideTheYears1To9999Are400(String date) {
        given().queryParam("asOf", date).when().get("/api/shops/S1002/health")
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"))
                .body("errors[0].message", containsString("years 1 to 9999"));
        given().queryParam("from", date).when().get("/api/orders")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("from", date).when().get("/api/rulesets/coverage")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void anImportedDateOutsideTheYears1To9999Is400() {
        long shops = Shop.count();
        given().contentType("text/csv; charset=UTF-8")
                .body(Csv.header("orderNo", "shopId", "sku", "productName", "quantity", "amount", "buyerId",
                        "buyerRegion", "placedAt", "status", "shippedAt", "deliveredAt", "listedStockAtOrder")
                        .row("T7201-1", "S1001", "S1001-SKU-01", "p", 1, "1.00", "B-1", "r",
                                "+999999999-12-31T23:59:59Z", "AWAITING_SHIPMENT", null, null, 3).text())
                .when().post("/api/import/orders")
                .then().statusCode(400).body("errors.field", hasItem("placedAt"));
        cancellation(Map.of("orderNo", "DY1002009999", "reason", "OUT_OF_STOCK", "buyerContact",
                Map.of("channel", "PHONE", "contactedAt", "-4714-01-01T00:00:00Z", "summary", "called")))
                .statusCode(400).body("errors.field", hasItem("buyerContact.contactedAt"));
        assertEquals(shops, Shop.count());
    }

    private static ValidatableResponse cancellation(Map<String, Object> body) {
        return given().contentType("application/json").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(body).when().post("/api/cancellations").then();
    }
}
