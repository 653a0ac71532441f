package dev.shophealth.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * The examples of the OpenAPI document, read from files on the classpath: {@code openapi/examples/<operationId>
 * .request.<ext>} is the body of a call, {@code <operationId>.response.<ext>} the answer of its success status, the
 * extension by media type (json, csv, ndjson, diff, txt; binary bodies such as zips get none). The answers are real:
 * {@code OpenApiExamplesTest} calls every operation with its example request and records them. The seed's request
 * files in {@code data/examples} (copied to {@code openapi/examples} by the build) serve where they fit.
 */
public final class OpenApiExamples {

    /** Where the example files are on the classpath. */
    public static final String DIR = "openapi/examples/";
    /** A request body or an answer. */
    public static final String REQUEST = "request";
    public static final String RESPONSE = "response";

    /** Request bodies that are the seed's example files, by operation id: shown as the example named "seed". */
    public static final Map<String, String> SEED = Map.of(
            "CancellationResource_submit", "cancel-seed-order.json",
            "TryFactsResource_evaluate", "evaluate-seed.json",
            "EvaluateResource_evaluate", "evaluate-history.json");

    /** What a request example is for, where its body alone does not say. */
    private static final Map<String, String> SUMMARIES = Map.of(
            "ImportResource_importFile", "Two shops, for kind=shops (POST /api/import/shops)");

    private static final Map<String, String> EXTENSIONS = Map.of(
            "application/json", "json",
            "text/csv", "csv",
            "application/x-ndjson", "ndjson",
            "text/x-diff", "diff",
            "text/plain", "txt");

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiExamples() {
    }

    /** The file extension of a media type's examples; empty for a binary one (a zip), which has no example. */
    public static Optional<String> extension(String mediaType) {
        return Optional.ofNullable(EXTENSIONS.get(mediaType.split(";", 2)[0].strip().toLowerCase()));
    }

    /** The classpath resource of an operation's request body or answer (of its first success status) in a media type. */
    public static String resource(String operationId, String part, String mediaType) {
        return resource(operationId, part, mediaType, null);
    }

    /**
     * The classpath resource of an answer of a further success status (an import answers 200, or 202 for a job):
     * {@code <operationId>.response.<status>.<ext>}; null {@code status} for the first.
     */
    public static String resource(String operationId, String part, String mediaType, String status) {
        String ext = extension(mediaType).orElseThrow(() -> new IllegalArgumentException("binary: " + mediaType));
        if (part.equals(REQUEST) && SEED.containsKey(operationId) && ext.equals("json")) {
            return DIR + SEED.get(operationId);
        }
        return DIR + operationId + "." + part + (status == null ? "" : "." + status) + "." + ext;
    }

    /** The example's name in the document: "seed" for the seed's files, else "example". */
    public static String name(String operationId, String part) {
        return part.equals(REQUEST) && SEED.containsKey(operationId) ? "seed" : "example";
    }

    /** Puts the example files of an operation on its request body and on its success answers. */
    static void attach(Operation operation) {
        String id = operation.getOperationId();
        if (id == null) {
            return;
        }
        if (operation.getRequestBody() != null) {
            attach(id, REQUEST, operation.getRequestBody().getContent(), SUMMARIES.getOrDefault(id,
                    SEED.containsKey(id) ? "The seed's example (data/examples/" + SEED.get(id) + ")" : null));
        }
        if (operation.getResponses() != null) {
            String first = operation.getResponses().getAPIResponses().keySet().stream().filter(s -> s.startsWith("2"))
                    .sorted().findFirst().orElse(null);
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    attach(id, RESPONSE, response.getContent(), "A real answer, recorded by OpenApiExamplesTest "
                            + "on the sample data (ids and times normalised, long lists cut)",
                            status.equals(first) ? null : status);
                }
            });
        }
    }

    private static void attach(String id, String part, Content content, String summary) {
        attach(id, part, content, summary, null);
    }

    private static void attach(String id, String part, Content content, String summary, String status) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            if (extension(type).isEmpty()) {
                return;
            }
            read(resource(id, part, type, status)).ifPresent(text -> put(media, name(id, part), summary, value(type, text)));
        });
    }

    private static void put(MediaType media, String name, String summary, Object value) {
        var existing = media.getExamples() == null ? null : media.getExamples().get(name);
        // a summary written on the annotation stays; the value always comes from the file
        String words = existing != null && existing.getSummary() != null ? existing.getSummary() : summary;
        media.addExample(name, OASFactory.createExample().summary(words).value(value));
    }

    private static Object value(String mediaType, String text) {
        if (!extension(mediaType).orElse("").equals("json")) {
            return text;
        }
        try {
            return JSON.readValue(text, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Example for " + mediaType + " is not JSON", e);
        }
    }

    private static Optional<String> read(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : OpenApiExamples.class.getClassLoader())
                .getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
