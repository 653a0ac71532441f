package dev.shophealth.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Makes the OpenAPI document one you can call from: both ways to log in (HTTP Basic and a bearer token), so
 * Swagger UI's Authorize works with a user's password; every error answer with its status and the problem+json
 * schema; tags by the user each operation serves (Merchants, Reviewers, Analysts, Admin); the answers as the code
 * really gives them ({@link OpenApiCorrections}); an example request and answer on every operation
 * ({@link OpenApiExamples}).
 */
public class OpenApiContract implements OASFilter {

    static final String PROBLEM = "Problem";
    static final List<String> TAGS = List.of("Merchants", "Reviewers", "Analysts", "Admin");
    private static final Map<String, String> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", "Invalid input: the problem names each field at fault; nothing was written");
        ERRORS.put("401", "Not logged in, or wrong credentials");
        ERRORS.put("403", "Logged in without a role that may do this");
        ERRORS.put("404", "Not found, or of a shop the caller may not see");
        ERRORS.put("409", "In conflict with the current state (the problem names what holds it)");
        ERRORS.put("413", "Body too large");
        ERRORS.put("415", "Body of a media type this operation does not take");
        ERRORS.put("422", "Well-formed but refused (e.g. a ruleset that fails its checks, a reused Idempotency-Key)");
        ERRORS.put("429", "Too many failed logins: wait for Retry-After");
        ERRORS.put("503", "Database unreachable or no active ruleset: retry after Retry-After");
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        OpenApiCorrections.correct(api);
        api.getComponents().addSchema(PROBLEM, problemSchema());
        api.getComponents().setSecuritySchemes(new LinkedHashMap<>(Map.of(
                "basic", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A user's name and password (the README lists the demo users)"),
                "bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("A token from the platform's identity provider"))));
        api.setTags(TAGS.stream().map(t -> OASFactory.createTag().name(t).description(describe(t))).toList());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> shape(path, method, operation));
        });
    }

    private static void shape(String path, PathItem.HttpMethod method, Operation operation) {
        OpenApiCorrections.correct(path, operation);
        operation.setTags(List.of(tag(path, method)));
        operation.setSecurity(List.of(requirement("basic"), requirement("bearer")));
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean body = operation.getRequestBody() != null;
        boolean write = method != PathItem.HttpMethod.GET;
        Set<String> statuses = new java.util.TreeSet<>(List.of("400", "401", "403", "503"));
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (write) {
            statuses.add("409");
        }
        if (body) {
            statuses.addAll(List.of("413", "415", "422"));
        }
        statuses.add("429");
        OpenApiExamples.attach(operation);
        for (String status : statuses) {
            var existing = responses.getAPIResponse(status);
            String description = existing != null && existing.getDescription() != null
                    && !existing.getDescription().isBlank() && !existing.getDescription().equals("Not Authorized")
                    && !existing.getDescription().equals("Not Allowed") ? existing.getDescription()
                    : ERRORS.get(status);
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory
                            .createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
        }
    }

    /** The user an operation is for: merchants' own shop, reviewers' queue, analysts' rules, admins' data. */
    static String tag(String path, PathItem.HttpMethod method) {
        if (path.startsWith("/api/audit") || path.startsWith("/api/import")) {
            return "Admin";
        }
        if (path.startsWith("/api/rulesets") || path.startsWith("/api/backtests") || path.startsWith("/api/decisions")
                || path.startsWith("/api/evaluate")) {
            return "Analysts";
        }
        if (path.startsWith("/api/shops/{") || (path.equals("/api/cancellations")
                && method == PathItem.HttpMethod.POST)) {
            return "Merchants";
        }
        return "Reviewers";
    }

    private static String describe(String tag) {
        return switch (tag) {
            case "Merchants" -> "A shop's risk, what to do first, cancelling a shipment, its records";
            case "Reviewers" -> "The queue of screened requests, deciding them, orders and shops by risk";
            case "Analysts" -> "Rules and thresholds: versions, trials, backtests, activation, the decision log";
            default -> "Importing data and the audit log";
        };
    }

    private static SecurityRequirement requirement(String scheme) {
        return OASFactory.createSecurityRequirement().addScheme(scheme);
    }

    private static Schema problemSchema() {
        Schema error = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("The field, parameter, header or file at fault"))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("line", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("The line of a file (imports, rule files), when there is one"));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An error answer (RFC 9457 problem details)")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .example("/problems/invalid-request"))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(error))
                .required(List.of("type", "title", "status"));
    }
}
