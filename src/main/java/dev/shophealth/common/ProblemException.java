package dev.shophealth.common;

import java.util.List;

/**
 * A failure the client can act on, thrown by services and turned into problem+json by {@link ProblemMappers}.
 * Services throw it before they write anything, so a rejected request leaves no trace.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(400, "Invalid request", detail, errors);
    }

    /** 400 for the fields at fault, the first one (and how many more) in the detail. */
    public static ProblemException invalid(List<FieldError> errors) {
        FieldError first = errors.get(0);
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        return invalid(first.field() + ": " + first.message() + more, errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Problem toProblem() {
        return new Problem(ProblemTypes.forStatus(status), title, status, getMessage(), errors);
    }
}
