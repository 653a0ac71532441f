package dev.shophealth.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Constraint violations as the fields a client sent: {@code buyerContact.contactedAt}, {@code orders[2].placedAt},
 * {@code limit} — never the Java method or argument they were checked on.
 */
public final class Violations {

    private Violations() {
    }

    /**
     * Checks {@code value} against its constraints, for callers other than a resource method (whose parameters are
     * checked before it runs): a page or the sample loader gets the same answer as the API.
     *
     * @throws ProblemException 400 naming every field at fault
     */
    public static <T> T requireValid(Validator validator, T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(errors(violations));
        }
        return value;
    }

    /** One error per field and message, ordered by field. */
    public static List<FieldError> errors(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> new FieldError(field(v.getPropertyPath()), v.getMessage())).distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message)).toList();
    }

    /**
     * The path of the value at fault as the client wrote it. A method's name means nothing to a client; a
     * parameter is named by {@link ParameterNames}, and the body's parameter is left out before the body's fields.
     */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                if (field.isEmpty() && parameter != null) {
                    field.append(parameter);
                }
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        if (field.isEmpty()) {
            return parameter != null ? parameter : "body";
        }
        return field.toString();
    }
}
