package dev.shophealth.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.shophealth.common.OpenApiDocument.Op;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Calls the operations of the OpenAPI document as a user would from it: the body is the document's example
 * request, the answer must have the documented success status and media type and fit the documented schema. Keeps
 * the last answer of each operation and media type, to compare with (or record as) the document's example answer.
 */
final class ApiWalk {

    static final String MERCHANT = "merchant-S1002";
    static final String REVIEWER = "reviewer";
    static final String ANALYST = "analyst";
    static final String SECOND_ANALYST = "analyst2";
    static final String ADMIN = "admin";
    private static final Map<String, String> PASSWORDS = Map.of(MERCHANT, "merchant-demo", REVIEWER, "reviewer-demo",
            ANALYST, "analyst-demo", SECOND_ANALYST, "analyst2-demo", ADMIN, "admin-demo");

    final OpenApiDocument doc;
    final Set<String> called = new LinkedHashSet<>();
    private final RecordedAnswers recorded;
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final Set<String> faults = new LinkedHashSet<>();

    ApiWalk(OpenApiDocument doc, RecordedAnswers recorded) {
        this.doc = doc;
        this.recorded = recorded;
    }

    Call op(String operationId) {
        return new Call(doc.op(operationId));
    }

    /** An answer: its text, or as JSON. */
    record Answer(String body) {

        JsonNode json() {
            try {
                return OpenApiDocument.JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String text(String pointer) {
            JsonNode found = json().at(pointer);
            if (!found.isValueNode()) {
                throw new AssertionError(pointer + " not in " + body);
            }
            return found.asText();
        }
    }

    /** One call being put together. */
    final class Call {
        private final Op op;
        private RequestSpecification spec = RestAssured.given();
        private String requestType;
        private byte[] bytes;
        private String status;

        private Call(Op op) {
            this.op = op;
            status = op.success();
            List<String> types = op.requestTypes();
            requestType = types.isEmpty() ? null : types.get(0);
        }

        Call as(String user) {
            spec = spec.auth().preemptive().basic(user, PASSWORDS.get(user));
            return this;
        }

        Call path(String name, Object value) {
            spec = spec.pathParam(name, value);
            return this;
        }

        Call query(String name, Object value) {
            spec = spec.queryParam(name, value);
            return this;
        }

        Call header(String name, String value) {
            spec = spec.header(name, value);
            return this;
        }

        Call accept(String mediaType) {
            spec = spec.accept(mediaType);
            return this;
        }

        /** Sends the document's example request of this media type (the first one by default). */
        Call body(String mediaType) {
            requestType = mediaType;
            return this;
        }

        /** Expects a further success status of the document (an import's 202 for a job) instead of the first. */
        Call expect(String success) {
            status = success;
            return this;
        }

        /** A binary body, which the document has no example of. */
        Call bytes(String mediaType, byte[] body) {
            requestType = mediaType;
            bytes = body;
            return this;
        }

        Answer send() {
            called.add(op.id());
            if (requestType != null) {
                // RestAssured would send text in ISO-8859-1
                String declared = requestType.startsWith("text/") ? requestType + "; charset=UTF-8" : requestType;
                spec = bytes != null ? spec.contentType(declared).body(bytes)
                        : spec.contentType(declared).body(example(requestType));
            }
            Response r = spec.when().request(op.method().toUpperCase(), op.path());
            String body = new String(r.asByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            if (!String.valueOf(r.statusCode()).equals(status) || !op.successes().contains(status)) {
                throw new AssertionError(op.id() + " answered " + r.statusCode() + ", documented " + op.successes()
                        + ", expected " + status + ": " + body);
            }
            String type = r.contentType() == null || r.contentType().isBlank() ? null
                    : r.contentType().split(";", 2)[0].strip();
            if (op.responseTypes(status).isEmpty()) {
                if (!body.isEmpty()) {
                    faults.add(op.id() + ": a body where the document has none");
                }
                return new Answer(body);
            }
            if (!op.responseTypes(status).contains(type)) {
                faults.add(op.id() + ": answered " + type + ", documented " + op.responseTypes(status));
                return new Answer(body);
            }
            if (OpenApiExamples.extension(type).isPresent()) {
                JsonNode value = OpenApiExamples.extension(type).get().equals("json") ? new Answer(body).json()
                        : TextNode.valueOf(body);
                doc.check(op.response(status, type).path("schema"), value)
                        .forEach(m -> faults.add(op.id() + " " + type + " answer: " + m));
                answers.put(key(op, status, type), body);
            }
            return new Answer(body);
        }

        private String example(String mediaType) {
            var examples = OpenApiDocument.examples(op.request(mediaType));
            if (examples.isEmpty()) {
                throw new AssertionError(op.id() + ": no example request in " + mediaType);
            }
            JsonNode value = examples.values().iterator().next();
            return value.isTextual() ? value.asText() : value.toString();
        }
    }

    /**
     * Compares the answers with the document's example answers (the same fields at the top, and the first element's
     * for a list; the same CSV header), or with {@code record} writes them as the examples. Returns what is wrong.
     */
    List<String> compare(boolean record) {
        for (Op op : doc.operations.values()) {
            for (String status : op.successes()) {
                compare(op, status, record);
            }
        }
        return new ArrayList<>(faults);
    }

    /** The first success status's answers by operation and type; a further status's with the status between. */
    private static String key(Op op, String status, String type) {
        return op.id() + " " + (status.equals(op.success()) ? "" : status + " ") + type;
    }

    private void compare(Op op, String status, boolean record) {
        for (String type : op.responseTypes(status)) {
            if (OpenApiExamples.extension(type).isEmpty()) {
                continue;
            }
            String answer = answers.get(key(op, status, type));
            if (answer == null) {
                faults.add(op.id() + ": never answered " + status + " in " + type);
                continue;
            }
            String example = recorded.normalise(answer, type);
            if (record) {
                RecordedAnswers.write(op.id(), type, example, status.equals(op.success()) ? null : status);
                continue;
            }
            JsonNode documented = OpenApiDocument.examples(op.response(status, type)).get("example");
            if (documented == null) {
                faults.add(op.id() + ": no example answer in " + type);
            } else if (!shape(documented, type).equals(shape(answer, type))) {
                faults.add(op.id() + " " + type + ": the example's fields " + shape(documented, type)
                        + ", the answer's " + shape(answer, type));
            }
        }
    }

    private static Set<String> shape(Object value, String type) {
        String ext = OpenApiExamples.extension(type).orElse("");
        JsonNode node = value instanceof JsonNode n ? n : null;
        String text = node == null ? (String) value : node.isTextual() ? node.asText() : null;
        if (ext.equals("csv")) {
            return Set.of(text.strip().split("\n", 2)[0].replace("\uFEFF", ""));
        }
        if (ext.equals("ndjson")) {
            text = text.strip().split("\n", 2)[0];
        }
        if (ext.equals("json") || ext.equals("ndjson")) {
            try {
                node = node != null && !node.isTextual() ? node : OpenApiDocument.JSON.readTree(text);
            } catch (Exception e) {
                return Set.of("not JSON");
            }
            Set<String> fields = new TreeSet<>();
            node.fieldNames().forEachRemaining(fields::add);
            if (node.isArray() && !node.isEmpty()) {
                node.get(0).fieldNames().forEachRemaining(f -> fields.add("[]." + f));
            }
            return fields;
        }
        return Set.of();
    }
}
