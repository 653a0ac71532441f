package dev.shophealth.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Refuses a request body larger than {@code shophealth.limits.max-body-size} (for imports
 * {@code shophealth.import.max-body-size}) with a 413 problem+json before it is read. (The HTTP layer's own, larger limit stays as a backstop for bodies sent without a length.)
 */
@ApplicationScoped
public class BodyLimit {

    /** Imports take files up to {@code shophealth.import.max-body-size}, streamed to a temporary file. */
    private static final String IMPORTS = "/api/import/";

    @Inject
    ShopHealthConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(-100).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long bytes = parse(length);
            long max = ctx.request().path().startsWith(IMPORTS) ? config.dataImport().maxBodySize().asLongValue()
                    : config.limits().maxBodySize().asLongValue();
            if (bytes > max) {
                Problem problem = Problem.of(413, "The request body has " + bytes + " bytes; at most "
                        + max + " are accepted", List.of(new FieldError("body", "is larger than " + max + " bytes")));
                ctx.response().putHeader("Connection", "close");
                RoutingProblems.end(ctx, json, problem);
            } else {
                ctx.next();
            }
        });
    }

    private static long parse(String length) {
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
