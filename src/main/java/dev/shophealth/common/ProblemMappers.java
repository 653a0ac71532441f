package dev.shophealth.common;

import jakarta.inject.Inject;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to one problem+json shape; nothing of the exception's class or stack reaches a body. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** What a 503 for an unreachable database asks clients to wait before they try again. */
    @Inject
    ShopHealthConfig config;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    /**
     * The one answer to input that breaks a constraint — a body's field, a query parameter's bound — or a parameter
     * that does not convert: 400 naming each field as the client sent it ({@link Violations}). A constraint on what
     * a method returns is the service's fault, not the client's.
     */
    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::onReturnValue)) {
            return unexpected(e);
        }
        return invalid(Violations.errors(e.getConstraintViolations()));
    }

    @ServerExceptionMapper
    public Response parameter(ParameterConverters.InvalidParameterException e) {
        return invalid(List.of(e.error()));
    }

    private static Response invalid(List<FieldError> errors) {
        return respond(ProblemException.invalid(errors).toProblem());
    }

    private static boolean onReturnValue(ConstraintViolation<?> v) {
        for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** Overrides the framework's own mapper for this type, whose body is not problem+json. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? JsonPaths.of(m) : "body";
        String message;
        if (e instanceof JsonStrings.ControlCharacterException c) {
            message = c.problem();
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof InvalidFormatException f) {
            message = "cannot read '" + f.getValue() + "' as " + simpleType(f.getTargetType());
        } else if (e instanceof JsonMappingException m) {
            message = m.getPath().isEmpty() ? "the body is not the expected JSON" : "wrong type or format";
        } else {
            message = "malformed JSON";
        }
        return respond(Problem.of(400, field + ": " + message, List.of(new FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return json(jpe);
        }
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this path";
            case 415 -> "Unsupported Content-Type";
            case 406 -> "Cannot produce the requested media type";
            case 413 -> "The request body is too large";
            default -> ProblemTypes.titleFor(status);
        };
        return respond(Problem.of(status, detail, List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseErrors.unreachable(e)) {
            return databaseUnreachable(e);
        }
        if (DatabaseErrors.unstorableText(e)) {
            // parameters, bodies and imports are checked before this; what still gets here came another way
            LOG.warnf("The database refused text of a request; answering 400 (%s)", rootMessage(e));
            return respond(Problem.of(400, "The request holds a character the database cannot store (such as NUL); "
                    + "nothing was changed.", List.of()));
        }
        LOG.error("Unexpected failure while serving a request", e);
        return respond(Problem.of(500, "The request could not be completed; nothing was changed. The failure is logged.", List.of()));
    }

    /**
     * 503 with Retry-After: the request may succeed as it is once the database is back (the pool reconnects by
     * itself). Logged without a stack trace, which would repeat for every request during an outage.
     */
    private Response databaseUnreachable(Throwable e) {
        long seconds = Math.max(1, config.database().retryAfter().toSeconds());
        LOG.warnf("The database cannot be reached; answering 503 (%s)", rootMessage(e));
        return Problem.of(503, "The database cannot be reached right now; try again in " + seconds + " seconds.",
                List.of()).toResponse().header("Retry-After", seconds).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static Response respond(Problem problem) {
        return problem.toResponse().build();
    }

    private static String simpleType(Class<?> type) {
        return type == null ? "value" : type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : type.getSimpleName();
    }
}
