package dev.shophealth.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one error body of the API: RFC 9457 {@code application/problem+json} with the fields at fault in
 * {@code errors}. Never carries an exception class name or a stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The HTTP answer carrying this problem: its status and the problem+json media type. */
    public jakarta.ws.rs.core.Response.ResponseBuilder toResponse() {
        return jakarta.ws.rs.core.Response.status(status).type(MEDIA_TYPE).entity(this);
    }

    /** A problem with the standard type and title of {@code status}. */
    public static Problem of(int status, String detail, List<FieldError> errors) {
        return new Problem(ProblemTypes.forStatus(status), ProblemTypes.titleFor(status), status, detail, errors);
    }
}
