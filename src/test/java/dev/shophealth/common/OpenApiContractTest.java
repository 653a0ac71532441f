package dev.shophealth.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Lints the OpenAPI document: every API operation has a unique operation id, one of the four user tags, both
 * logins, its error answers as problem+json, the status codes the code really answers, an example of its body and
 * one of its answer (OpenApiExamplesTest checks they are real); the screening's example is the seed's example file.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    @Test
    void everyOperationCanBeCalledFromTheDocument() throws Exception {
        JsonNode doc = JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().asString());
        JsonNode schemes = doc.at("/components/securitySchemes");
        assertEquals("basic", schemes.at("/basic/scheme").asText());
        assertEquals("bearer", schemes.at("/bearer/scheme").asText());
        assertTrue(doc.at("/components/schemas/Problem/properties/errors").isObject());

        List<String> faults = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : iterable(doc.get("paths"))) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : iterable(path.getValue())) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = op.getValue();
                if (!ids.add(o.path("operationId").asText(""))) {
                    faults.add(name + ": operationId missing or repeated");
                }
                if (o.path("tags").size() != 1 || !OpenApiContract.TAGS.contains(o.path("tags").get(0).asText())) {
                    faults.add(name + ": tags " + o.path("tags"));
                }
                if (o.path("security").size() != 2) {
                    faults.add(name + ": security " + o.path("security"));
                }
                for (String status : List.of("400", "401", "403", "503")) {
                    JsonNode r = o.at("/responses/" + status);
                    if (!r.at("/content/application~1problem+json/schema/$ref").asText().endsWith("/Problem")) {
                        faults.add(name + ": " + status + " without the problem schema");
                    }
                }
                if (path.getKey().contains("{") && o.at("/responses/404").isMissingNode()) {
                    faults.add(name + ": no 404");
                }
                faults.addAll(examples(name, o));
            }
        }
        assertEquals(List.of(), faults);
        assertTrue(operations >= 33, "operations: " + operations);

        JsonNode screening = doc.at("/paths/~1api~1cancellations/post");
        assertTrue(screening.at("/responses/201").isObject(), "a screening answers 201");
        assertTrue(screening.at("/responses/200").isMissingNode(), "not 200");
        JsonNode example = screening.at("/requestBody/content/application~1json/examples/seed/value");
        assertEquals(JSON.readTree(Files.readString(Path.of("data/examples/cancel-seed-order.json"))), example);
        assertTrue(doc.at("/paths/~1api~1rulesets~1{revision}~1backtest/post/responses/202").isObject());
        assertTrue(doc.at("/paths/~1api~1rulesets/post/responses/201").isObject());
        assertTrue(doc.at("/paths/~1api~1shops~1{shopId}~1health~1snapshot/post/responses/201").isObject());
        assertTrue(doc.at("/paths/~1api~1rulesets~1shadow/delete/responses/204").isObject());
    }

    /**
     * An operation's missing examples: one per media type of its body, and one of its answer for the success status
     * (a binary one, such as a zip, has none; a 204 has no body).
     */
    private static List<String> examples(String name, JsonNode o) {
        List<String> faults = new ArrayList<>();
        for (Map.Entry<String, JsonNode> media : iterable(o.at("/requestBody/content"))) {
            if (OpenApiExamples.extension(media.getKey()).isPresent() && media.getValue().path("examples").isEmpty()) {
                faults.add(name + ": no example request in " + media.getKey());
            }
        }
        List<String> success = new ArrayList<>();
        o.path("responses").fieldNames().forEachRemaining(s -> {
            if (s.startsWith("2")) {
                success.add(s);
            }
        });
        if (success.isEmpty()) {
            faults.add(name + ": no success status");
            return faults;
        }
        // most operations have one success status; an import answers 200, or 202 when it runs as a job: each its example
        for (String status : success) {
            JsonNode content = o.at("/responses/" + status + "/content");
            if (status.equals("204") != content.isMissingNode()) {
                faults.add(name + ": " + status + (content.isMissingNode() ? " without" : " with") + " a body");
            }
            for (Map.Entry<String, JsonNode> media : iterable(content)) {
                if (OpenApiExamples.extension(media.getKey()).isPresent()
                        && media.getValue().at("/examples/example/value").isMissingNode()) {
                    faults.add(name + ": no example answer " + status + " in " + media.getKey());
                }
            }
        }
        return faults;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
