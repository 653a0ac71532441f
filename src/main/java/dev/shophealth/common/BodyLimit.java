package dev.shophealth.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Refuses a request body larger than {@code shophealth.limits.max-body-size} with a 413 problem+json before it is
 * read. (The HTTP layer's own, larger limit stays as a backstop for bodies sent without a length.)
 */
@ApplicationScoped
public class BodyLimit {

    @Inject
    ShopHealthConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(-100).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long bytes = parse(length);
            if (bytes > config.limits().maxBodySize().asLongValue()) {
                Problem problem = Problem.of(413, "The request body has " + bytes + " bytes; at most "
                        + config.limits().maxBodySize().asLongValue() + " are accepted", List.of(new FieldError("body",
                        "is larger than " + config.limits().maxBodySize().asLongValue() + " bytes")));
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
