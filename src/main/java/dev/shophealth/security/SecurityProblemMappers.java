package dev.shophealth.security;

import dev.shophealth.common.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 (with the Basic challenge), 403 and 429 (a throttled login) as problem+json; refused tokens are audited. */
public class SecurityProblemMappers {

    static final String CHALLENGE = "Basic realm=\"shop-health\", charset=\"UTF-8\"";
    /** The problem type of a throttled login (429). */
    static final String TOO_MANY_REQUESTS = "/problems/too-many-requests";

    @Inject
    LoginAudit audit;

    /** Where a failed login of the web pages' form goes (instead of the API's 401 challenge). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.auth.form.error-page", defaultValue = "/login?error=1")
    String formErrorPage;

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(401, "Credentials are required (HTTP Basic)");
    }

    @ServerExceptionMapper
    public Response failed(AuthenticationFailedException e, HttpServerRequest request) {
        if ("/j_security_check".equals(request.path())) {
            // the pages' login form (counted and audited where the password was checked): back to its error
            return Response.status(302).header(HttpHeaders.LOCATION, formErrorPage).build();
        }
        Optional<Long> retryAfter = LoginFailures.retryAfterSeconds(e);
        if (retryAfter.isPresent()) {
            Problem problem = new Problem(TOO_MANY_REQUESTS, "Too many requests", 429, "Too many failed logins for "
                    + "this user or from this address; try again in " + retryAfter.get() + " s", List.of());
            return problem.toResponse().header(HttpHeaders.RETRY_AFTER, retryAfter.get()).build();
        }
        if (!LoginFailures.counted(e)) {
            // a refused bearer token: Basic failures were counted where the password was checked
            audit.failed("anonymous", request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        }
        return respond(401, "The user name or password is wrong");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "Your role may not do this");
    }

    private static Response respond(int status, String detail) {
        var builder = Problem.of(status, detail, List.of()).toResponse();
        return status == 401 ? builder.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build() : builder.build();
    }
}
