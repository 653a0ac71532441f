package dev.shophealth.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Requests the HTTP router refuses before RESTEasy sees them (a path that is not valid percent-encoding, for
 * instance) answer in the one problem+json shape instead of an empty body. Failures carrying an exception other
 * than a plain HTTP status are left to the framework, which turns security failures into 401 challenges.
 */
@ApplicationScoped
public class RoutingFailures {

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(-120).failureHandler(this::answer);
    }

    private void answer(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = failure instanceof HttpException http ? http.getStatusCode() : failure == null ? ctx.statusCode() : -1;
        if (ctx.response().headWritten() || status < 400 || status > 599) {
            ctx.next();
            return;
        }
        String detail = status == 400 ? "The request is malformed (its URI or headers cannot be read)"
                : ProblemTypes.titleFor(status);
        RoutingProblems.end(ctx, json, Problem.of(status, detail, List.of()));
    }
}
