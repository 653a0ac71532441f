package dev.shophealth.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.cancellation.Cancellation;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bean Validation constraints on request bodies and typed query parameters: their bounds are in the OpenAPI
 * document, and a value that breaks one — or a parameter that does not convert — answers 400 problem+json naming
 * the field as the client sent it.
 */
@QuarkusTest
@Tag("persistence")
class ConstraintsResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDocumentShowsTypedParametersWithTheirBounds() throws Exception {
        JsonNode doc = JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().asString());
        JsonNode orders = doc.at("/paths/~1api~1orders/get/parameters");
        assertBounds(parameter(orders, "page"), 0, 1_000_000, "0");
        assertBounds(parameter(orders, "size"), 1, 200, "20");
        JsonNode status = parameter(orders, "status").path("schema");
        String ref = status.path("$ref").asText();
        JsonNode values = (ref.isEmpty() ? status : doc.at(ref.substring(1))).path("enum");
        assertTrue(values.toString().contains("AWAITING_SHIPMENT"), "the status filter lists its values: " + status);
        assertBounds(parameter(doc.at("/paths/~1api~1audit/get/parameters"), "limit"), 1, 1000, "100");
        assertBounds(parameter(doc.at("/paths/~1api~1decisions/get/parameters"), "size"), 1, 500, "50");
        assertEquals("boolean", parameter(doc.at("/paths/~1api~1import~1{kind}/post/parameters"), "dryRun")
                .at("/schema/type").asText());

        JsonNode schemas = doc.at("/components/schemas");
        assertEquals(2000, schemas.at("/CancellationRequest/properties/detail/maxLength").asInt());
        assertEquals(0, schemas.at("/Evidence/properties/warehouseStock/minimum").asInt());
        assertEquals(5, schemas.at("/Review/properties/stars/maximum").asInt());
        // reasons, channels and compensation types are read as text, and documented as their enumerations
        assertEquals("#/components/schemas/CancellationReason",
                schemas.at("/CancellationRequest/properties/reason/$ref").asText());
        assertTrue(schemas.at("/CancellationReason/enum").toString().contains("OUT_OF_STOCK"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "ADMIN")
    void aQueryParameterOutOfBoundsOrNotConvertingIs400NamingIt() {
        get("/api/orders?size=0").body("errors[0].field", equalTo("size"))
                .body("errors[0].message", equalTo("must be 1 or more"));
        get("/api/orders?page=-1&size=201").body("errors.field", hasItems("page", "size"));
        // JAX-RS alone answers 404 to a query parameter it cannot convert
        get("/api/orders?page=abc").body("errors[0].field", equalTo("page"))
                .body("errors[0].message", equalTo("must be a whole number, got 'abc'"));
        get("/api/orders?status=LOST").body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("AWAITING_SHIPMENT"));
        // the Java parameter is called rows: the client's name is what the answer says
        get("/api/decisions/export?limit=0").body("errors[0].field", equalTo("limit"));
        get("/api/decisions/export?limit=abc").body("errors[0].field", equalTo("limit"));
        // blank is the default, as absent is
        given().queryParam("page", "").queryParam("size", " ").when().get("/api/orders").then().statusCode(200).body("size", equalTo(20));
    }

    @Test
    @TestSecurity(user = "admin", roles = "ADMIN")
    void aBodyBreakingConstraintsIs400NamingEachFieldAndWritesNothing() {
        long requests = Cancellation.count();
        Map<String, Object> contact = Map.of("channel", "FAX", "contactedAt", "soon", "summary", " ",
                "compensation", Map.of("type", "CASH", "amount", -1.005));
        cancellation(Map.of("orderNo", "DY1002009999", "reason", "OTHER", "evidence", Map.of("warehouseStock", -1),
                "buyerContact", contact))
                .body("errors.field", hasItems("detail", "evidence.warehouseStock", "buyerContact.channel",
                        "buyerContact.contactedAt", "buyerContact.summary", "buyerContact.compensation.type",
                        "buyerContact.compensation.amount"))
                // three constraints say the same of the amount: it is named once
                .body("errors.findAll { it.field == 'buyerContact.compensation.amount' }", hasSize(1))
                .body("errors.find { it.field == 'buyerContact.compensation.type' }.message",
                        equalTo("must be one of [COUPON, ALTERNATIVE_PRODUCT, OTHER], got 'CASH'"));
        // a client's value is quoted, never read as a message expression
        cancellation(Map.of("orderNo", "DY1002009999", "reason", "${1+1}{max}"))
                .body("errors[0].field", equalTo("reason")).body("errors[0].message", containsString("got '${1+1}{max}'"));
        assertEquals(requests, Cancellation.count());
    }

    @Test
    @TestSecurity(user = "analyst", roles = "ANALYST")
    void aPostedHistoryIsCheckedRecordByRecord() {
        String head = "{\"shop\": {\"id\": \"X\"}, \"asOf\": \"2026-11-26T00:00:00+08:00\", ";
        evaluate(head + "\"orders\": [null, {\"orderNo\": \"A\", \"placedAt\": \"2026-11-20T10:00:00+08:00\"}, "
                + "{\"orderNo\": \"A\", \"placedAt\": \"2026-11-21T10:00:00+08:00\"}], \"cancellationRequests\": "
                + "[{\"orderNo\": \"A\", \"reason\": \"OTHER\", \"submittedAt\": \"2026-11-21T10:00:00+08:00\", "
                + "\"status\": \"AUTO_APPROVED\"}]}")
                .body("errors.field", hasItems("orders[0]", "orders[2].orderNo", "cancellationRequests[0].decidedAt"))
                .body("errors.find { it.field == 'orders[2].orderNo' }.message", equalTo("appears twice"));
        evaluate("").body("errors[0].field", equalTo("body"));
    }

    private static JsonNode parameter(JsonNode parameters, String name) {
        for (JsonNode p : parameters) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + parameters);
    }

    private static void assertBounds(JsonNode parameter, int min, int max, String dflt) {
        JsonNode schema = parameter.path("schema");
        assertEquals("integer", schema.path("type").asText(), parameter.toString());
        assertEquals(min, schema.path("minimum").asInt(), parameter.toString());
        assertEquals(max, schema.path("maximum").asInt(), parameter.toString());
        assertEquals(dflt, schema.path("default").asText(), parameter.toString());
    }

    private static ValidatableResponse get(String uri) {
        return given().when().get(uri).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400));
    }

    private static ValidatableResponse cancellation(Map<String, Object> body) {
        return given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).when().post("/api/cancellations").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    private static ValidatableResponse evaluate(String body) {
        return given().contentType("application/json").body(body).when().post("/api/evaluate").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
    }
}
