package dev.shophealth.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Refuses a request whose URI or headers are too long with 414 or 431 problem+json. The HTTP layer's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set higher, as a backstop: it
 * answers those itself, before any application code, with an empty body (Quarkus offers no hook there).
 */
@ApplicationScoped
public class HeadLimits {

    @Inject
    ShopHealthConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(-110).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        int uri = ctx.request().uri().length();
        long headers = headerSize(ctx);
        if (uri > config.limits().maxUriLength()) {
            RoutingProblems.end(ctx, json, Problem.of(414, "The request URI has " + uri + " characters; at most "
                    + config.limits().maxUriLength() + " are accepted", List.of(new FieldError("uri", "is longer than " + config.limits().maxUriLength()
                    + " characters"))));
        } else if (headers > config.limits().maxHeaderSize().asLongValue()) {
            RoutingProblems.end(ctx, json, Problem.of(431, "The request headers have " + headers + " bytes; at most "
                    + config.limits().maxHeaderSize().asLongValue() + " are accepted", List.of(new FieldError("headers",
                    "are larger than " + config.limits().maxHeaderSize().asLongValue() + " bytes"))));
        } else {
            ctx.next();
        }
    }

    /** As the HTTP layer counts it: each "name: value" line with its line end. */
    private static long headerSize(RoutingContext ctx) {
        long size = 0;
        for (Map.Entry<String, String> header : ctx.request().headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }
}
