package dev.shophealth.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request body larger than {@code shophealth.limits.max-body-size} with a 413 problem+json before it is
 * read. (The HTTP layer's own, larger limit stays as a backstop for bodies sent without a length.)
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "shophealth.limits.max-body-size", defaultValue = "10M")
    MemorySize limit;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(-100).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long bytes = parse(length);
            if (bytes > limit.asLongValue()) {
                Problem problem = Problem.of(413, "The request body has " + bytes + " bytes; at most "
                        + limit.asLongValue() + " are accepted", List.of(new FieldError("body",
                        "is larger than " + limit.asLongValue() + " bytes")));
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
