package dev.shophealth.security;

import dev.shophealth.common.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 (with the Basic challenge) and 403 as problem+json; failed logins go to the audit log. */
public class SecurityProblemMappers {

    static final String CHALLENGE = "Basic realm=\"shop-health\", charset=\"UTF-8\"";

    @Inject
    Audit audit;

    @Inject
    ManagedExecutor workers;

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(401, "Credentials are required (HTTP Basic)");
    }

    @ServerExceptionMapper
    public Response failed(AuthenticationFailedException e, HttpHeaders headers) {
        // authentication fails on the I/O thread: the audit row is written on a worker
        String username = username(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        workers.runAsync(() -> audit.failedLogin(username));
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

    private static String username(String authorization) {
        try {
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
