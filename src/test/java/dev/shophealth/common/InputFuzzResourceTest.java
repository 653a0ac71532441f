package dev.shophealth.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz of request bodies and query parameters: each case takes a valid example and replaces one field (or
 * parameter) with a hostile value — control characters, blanks, huge or negative numbers, impossible dates, wrong
 * types, deep nesting. No case may answer 5xx; every 4xx is problem+json; a refused screening writes nothing.
 */
@QuarkusTest
@org.junit.jupiter.api.Tag("persistence")
@TestSecurity(user = "fuzz", roles = "ADMIN")
class InputFuzzResourceTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CASES = 150;

    static List<JsonNode> hostileValues() {
        List<JsonNode> values = new ArrayList<>(List.of(NODES.nullNode(), NODES.textNode(""), NODES.textNode("  "),
                NODES.textNode("\u0000"), NODES.textNode("a\u0000b"), NODES.textNode("\u202e\u200b"),
                NODES.textNode("x".repeat(20_000)), NODES.textNode("😀".repeat(100)), NODES.numberNode(-1),
                NODES.numberNode(0), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
                NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.numberNode(-0.5),
                NODES.textNode("2026-13-45T99:99:99Z"), NODES.textNode("-999999999-01-01T00:00:00Z"),
                NODES.textNode("+999999999-12-31T23:59:59Z"), NODES.textNode("0000-01-01T00:00:00Z"),
                NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(), NODES.textNode("' OR 1=1 --"),
                NODES.textNode("../../etc/passwd"), NODES.textNode("%00"), NODES.textNode("DY1002009999\n")));
        ObjectNode deep = NODES.objectNode();
        ObjectNode at = deep;
        for (int i = 0; i < 200; i++) {
            at = at.putObject("n");
        }
        values.add(deep);
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 1000; i++) {
            many.add(i);
        }
        values.add(many);
        return values;
    }

    @Test
    void mutatedScreeningsNeverAnswer5xxAndRefusalsWriteNothing() throws Exception {
        JsonNode example = JSON.readTree(Files.readString(Path.of("data/examples/cancel-seed-order.json")));
        List<String> paths = fieldPaths(example, "");
        List<JsonNode> values = hostileValues();
        Random random = new Random(20261126);
        int before = cancellationCount();
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            String path = paths.get(random.nextInt(paths.size()));
            JsonNode value = values.get(random.nextInt(values.size()));
            ObjectNode body = example.deepCopy();
            set(body, path, value);
            body.put("orderNo", random.nextBoolean() ? body.path("orderNo").asText() : "NO-SUCH-ORDER-" + i);
            if (path.equals("orderNo")) {
                set(body, path, value);
            }
            Response r = given().contentType("application/json").header("Idempotency-Key", "fuzz-" + i)
                    .body(JSON.writeValueAsString(body)).when().post("/api/cancellations");
            assertNo5xx(r, path + " = " + abbreviate(value));
            if (r.statusCode() >= 400) {
                refused++;
            }
        }
        // the seed order may be screened once by a valid case; every refused case wrote nothing
        assertTrue(cancellationCount() - before <= CASES - refused, "refused cases wrote requests");
    }

    @Test
    void mutatedQueryParametersNeverAnswer5xx() {
        List<String> urls = List.of("/api/orders?shopId=%s", "/api/orders?product=%s", "/api/orders?page=%s",
                "/api/orders?size=%s", "/api/orders?from=%s", "/api/cancellations?status=%s",
                "/api/cancellations?reason=%s", "/api/shops/%s/health", "/api/shops/S1002/health?asOf=%s",
                "/api/orders/%s", "/api/cancellations/%s", "/api/shops/health?level=%s", "/api/audit?page=%s");
        List<String> values = List.of("", "%20", "%00", "-1", "0", "99999999999999999999", "abc", "2026-13-45",
                "%E2%80%AE", "x".repeat(3000), "..%2F..%2Fetc", "%27%20OR%201%3D1", "1e9", "NaN", "null");
        for (String url : urls) {
            for (String value : values) {
                assertNo5xx(given().urlEncodingEnabled(false).when().get(url.formatted(value)), url + " <- " + value);
            }
        }
    }

    private static void assertNo5xx(Response r, String what) {
        assertTrue(r.statusCode() < 500, what + " answered " + r.statusCode() + ": " + r.asString());
        if (r.statusCode() >= 400) {
            assertTrue(String.valueOf(r.contentType()).startsWith("application/problem+json"),
                    what + " answered " + r.statusCode() + " as " + r.contentType());
            assertEquals(r.statusCode(), r.jsonPath().getInt("status"), what);
        }
    }

    private static int cancellationCount() {
        return given().queryParam("size", 1).when().get("/api/cancellations").then().statusCode(200).extract()
                .jsonPath().getInt("total");
    }

    private static List<String> fieldPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            paths.add(path);
            if (node.get(name).isObject()) {
                paths.addAll(fieldPaths(node.get(name), path));
            }
        }
        return paths;
    }

    private static void set(ObjectNode body, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode at = body;
        for (int i = 0; i < parts.length - 1; i++) {
            at = (ObjectNode) at.get(parts[i]);
        }
        at.set(parts[parts.length - 1], value);
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
