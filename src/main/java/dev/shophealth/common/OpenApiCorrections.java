package dev.shophealth.common;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What the scanned annotations get wrong about the real answers, put right in the document (found by
 * {@code OpenApiExamplesTest}, which calls every operation): a method returning a JAX-RS {@code Response} reads as
 * 200 whatever it answers; a body read as raw text reads as a string whatever it holds; a Jackson tree reads as the
 * getters of {@code JsonNode}; a property of an answer that is null reads as never null; a text documented by an
 * enumeration reads as an object.
 */
final class OpenApiCorrections {

    /** Operations that answer 204 without a body, by operation id, with what the 204 means. */
    static final Map<String, String> NO_CONTENT = Map.of(
            "ShadowResource_clear", "Taken out of shadow (also when no version was in shadow)");

    private OpenApiCorrections() {
    }

    /**
     * The components: a property of an answer may be null unless required (Jackson writes null ones, it does not
     * leave them out; the bodies a client sends are left as they are: a property there may be left out); a Jackson
     * tree (the decision log's recorded input) is any JSON value.
     */
    static void correct(OpenAPI api) {
        if (api.getComponents().getSchemas() == null) {
            return;
        }
        if (api.getComponents().getSchemas().containsKey("JsonNode")) {
            api.getComponents().addSchema("JsonNode", OASFactory.createSchema()
                    .description("Any JSON value: the facts as they were recorded"));
            api.getComponents().removeSchema("JsonNodeType");
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        schemas.values().forEach(OpenApiCorrections::refAlone);
        Set<String> answered = new TreeSet<>();
        if (api.getPaths() != null) {
            api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                if (op.getResponses() != null) {
                    op.getResponses().getAPIResponses().forEach((status, response) -> {
                        if (status.startsWith("2") && response.getContent() != null) {
                            response.getContent().getMediaTypes().values()
                                    .forEach(media -> reach(media.getSchema(), schemas, answered));
                        }
                    });
                }
            }));
        }
        answered.forEach(name -> nullable(schemas.get(name)));
    }

    /**
     * A text property documented by an enumeration ({@code @Schema(implementation = AnEnum.class) String}) reads as
     * the enumeration's reference beside {@code type: object}, which no text fits: the reference says it all.
     */
    private static void refAlone(Schema schema) {
        if (schema.getRef() != null && schema.getType() != null) {
            schema.setType(null);
        }
        if (schema.getItems() != null) {
            refAlone(schema.getItems());
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiCorrections::refAlone);
        }
    }

    /** Adds the names of the components {@code schema} refers to, directly or not, to {@code found}. */
    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> found) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (schemas.containsKey(name) && found.add(name)) {
                reach(schemas.get(name), schemas, found);
            }
        }
        reach(schema.getItems(), schemas, found);
        reach(schema.getAdditionalPropertiesSchema(), schemas, found);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> reach(p, schemas, found));
        }
        for (List<Schema> choices : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (choices != null) {
                choices.forEach(c -> reach(c, schemas, found));
            }
        }
    }

    private static void nullable(Schema schema) {
        if (schema.getItems() != null) {
            nullable(schema.getItems());
        }
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            nullable(property);
            if (!required.contains(name)) {
                schema.addProperty(name, orNull(property));
            }
        });
    }

    private static Schema orNull(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().description(property.getDescription()).anyOf(List.of(
                    OASFactory.createSchema().ref(property.getRef()),
                    OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
        }
        if (property.getType() == null || property.getType().contains(Schema.SchemaType.NULL)) {
            return property;
        }
        property.addType(Schema.SchemaType.NULL);
        if (property.getEnumeration() != null) {
            property.addEnumeration(null);
        }
        return property;
    }

    /** One operation: its real success status, its real JSON body. */
    static void correct(String path, Operation operation) {
        String noContent = NO_CONTENT.get(operation.getOperationId());
        if (noContent != null && operation.getResponses() != null) {
            operation.getResponses().removeAPIResponse("200");
            operation.getResponses().addAPIResponse("204", OASFactory.createAPIResponse().description(noContent));
        }
        if (path.equals("/api/import/{kind}") && operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null) {
            var json = operation.getRequestBody().getContent().getMediaType("application/json");
            if (json != null) {
                json.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("The records of the kind, one object each, with the CSV's columns as fields")
                        .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))));
            }
        }
    }
}
