package dev.shophealth.common;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What the scanned annotations get wrong about the real answers, put right in the document (found by
 * {@code OpenApiExamplesTest}, which calls every operation): a method returning a JAX-RS {@code Response} reads as
 * 200 whatever it answers; a body read as raw text reads as a string whatever it holds; a Jackson tree reads as the
 * getters of {@code JsonNode}; a property that answers null reads as never null.
 */
final class OpenApiCorrections {

    /** Operations that answer 204 without a body, by operation id, with what the 204 means. */
    static final Map<String, String> NO_CONTENT = Map.of(
            "ShadowResource_clear", "Taken out of shadow (also when no version was in shadow)");

    private OpenApiCorrections() {
    }

    /**
     * The components: a property not required may be null (Jackson writes null ones, it does not leave them out); a
     * Jackson tree (the decision log's recorded input) is any JSON value.
     */
    static void correct(OpenAPI api) {
        var schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        if (schemas.containsKey("JsonNode")) {
            api.getComponents().addSchema("JsonNode", OASFactory.createSchema()
                    .description("Any JSON value: the facts as they were recorded"));
            api.getComponents().removeSchema("JsonNodeType");
        }
        schemas.values().forEach(OpenApiCorrections::nullable);
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
