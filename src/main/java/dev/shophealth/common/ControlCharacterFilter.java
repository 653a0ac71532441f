package dev.shophealth.common;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses path and query parameters holding control characters ({@link ControlCharacters}) with one 400 naming
 * each parameter, before any resource runs: on PostgreSQL a NUL in an id would fail the query with a 500.
 */
public class ControlCharacterFilter {

    @ServerRequestFilter
    public void refuseControlCharacters(UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        check(uri.getPathParameters(), errors);
        check(uri.getQueryParameters(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " parameters hold control characters", errors);
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        parameters.forEach((name, values) -> values.stream().map(ControlCharacters::check)
                .filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(problem -> errors.add(new FieldError(name, problem))));
    }
}
