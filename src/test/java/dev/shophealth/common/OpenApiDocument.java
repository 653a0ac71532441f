package dev.shophealth.common;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The served OpenAPI document, read as the tests need it: its /api/ operations, examples and schemas. */
final class OpenApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /** An operation: its id, HTTP method, path and its node in the document. */
    record Op(String id, String method, String path, JsonNode node) {

        String name() {
            return method.toUpperCase() + " " + path;
        }

        /** The first success status the document gives (most operations give one). */
        String success() {
            List<String> ok = successes();
            if (ok.isEmpty()) {
                throw new AssertionError(name() + ": no success status");
            }
            return ok.get(0);
        }

        /** The success statuses, in order (an import answers 200, or 202 when it runs as a job). */
        List<String> successes() {
            List<String> ok = new ArrayList<>();
            node.path("responses").fieldNames().forEachRemaining(s -> {
                if (s.startsWith("2")) {
                    ok.add(s);
                }
            });
            ok.sort(null);
            return ok;
        }

        /** The media types of the request body (none without one). */
        List<String> requestTypes() {
            return names(node.at("/requestBody/content"));
        }

        /** The media types of the success answer (none for 204). */
        List<String> responseTypes() {
            return responseTypes(success());
        }

        List<String> responseTypes(String status) {
            return names(node.at("/responses/" + status + "/content"));
        }

        JsonNode request(String mediaType) {
            return node.at("/requestBody/content").path(mediaType);
        }

        JsonNode response(String mediaType) {
            return response(success(), mediaType);
        }

        JsonNode response(String status, String mediaType) {
            return node.at("/responses/" + status + "/content").path(mediaType);
        }
    }

    final JsonNode doc;
    final Map<String, Op> operations = new LinkedHashMap<>();

    private OpenApiDocument(JsonNode doc) {
        this.doc = doc;
        doc.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().fields().forEachRemaining(op -> {
                    if (METHODS.contains(op.getKey())) {
                        String id = op.getValue().path("operationId").asText(op.getKey() + " " + path.getKey());
                        operations.put(id, new Op(id, op.getKey(), path.getKey(), op.getValue()));
                    }
                });
            }
        });
    }

    /** The document the running application serves. */
    static OpenApiDocument served() {
        try {
            return new OpenApiDocument(JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi")
                    .then().statusCode(200).extract().asString()));
        } catch (Exception e) {
            throw new AssertionError("The OpenAPI document is not JSON", e);
        }
    }

    Op op(String id) {
        Op op = operations.get(id);
        if (op == null) {
            throw new AssertionError("No operation " + id + " in the document");
        }
        return op;
    }

    /**
     * What is wrong with {@code value} by {@code schema} (a media type's schema, its references into the
     * document's components); empty when it fits.
     */
    List<String> check(JsonNode schema, JsonNode value) {
        if (schema == null || schema.isMissingNode()) {
            return List.of();
        }
        ObjectNode root = ((ObjectNode) schema.deepCopy()).set("components", doc.path("components"));
        Set<ValidationMessage> messages = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(root).validate(value);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** A media type's example values by name. */
    static Map<String, JsonNode> examples(JsonNode media) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        media.path("examples").fields().forEachRemaining(e -> found.put(e.getKey(), e.getValue().path("value")));
        return found;
    }

    private static List<String> names(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
