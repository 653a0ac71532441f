package dev.shophealth.web;

import io.quarkus.csrf.reactive.runtime.CsrfRequestResponseReactiveFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * CSRF tokens for the pages' forms only. The library's filter runs on every request; on the API it refused a POST
 * without a body (no content type: it took it for an empty form) and failed with a 500 on a content type it cannot
 * parse. The API has no forms and authenticates each call (Basic or a bearer token), so it is left out here; the
 * pages keep the library's check unchanged.
 */
@Alternative
@Priority(1)
@Singleton
public class PageOnlyCsrf extends CsrfRequestResponseReactiveFilter {

    static boolean api(RoutingContext routing) {
        String path = routing.normalizedPath();
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/q/");
    }

    @Override
    public void filter(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (!api(routing)) {
            super.filter(request, routing);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        if (!api(routing)) {
            super.filter(request, response, routing);
        }
    }
}
