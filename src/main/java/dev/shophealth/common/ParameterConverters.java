package dev.shophealth.common;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Converts typed request parameters ({@code int}, {@code long}, {@code boolean}, enumerations) strictly, so a value
 * that does not convert answers 400 naming the parameter: JAX-RS answers a query parameter it cannot convert with
 * 404, and reads any text but "true" as {@code false} (a mistyped {@code dryRun=yes} would import for real). A blank
 * value means the parameter's {@link DefaultValue} (absent when it has none), as an absent one does. Bounds are
 * Bean Validation constraints on the parameter ({@code @Min}, {@code @Max}); {@link ProblemMappers} answers both.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    /** The longest part of a refused value repeated in the answer. */
    private static final int SHOWN = 40;

    /** A parameter that does not convert: a 400 naming it, answered by {@link ProblemMappers}. */
    public static class InvalidParameterException extends BadRequestException {
        private final transient FieldError error;

        InvalidParameterException(FieldError error) {
            super(error.field() + ": " + error.message());
            this.error = error;
        }

        public FieldError error() {
            return error;
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        String fallback = defaultValue(annotations);
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new Strict<>(name, fallback, raw -> wholeNumber(name, raw, Integer::valueOf));
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) new Strict<>(name, fallback, raw -> wholeNumber(name, raw, Long::valueOf));
        }
        if (rawType == boolean.class || rawType == Boolean.class) {
            return (ParamConverter<T>) new Strict<>(name, fallback, raw -> bool(name, raw));
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new Strict<>(name, fallback, raw -> constant(name, raw, (Class) rawType));
        }
        return null;
    }

    /** Blank is absent; anything else converts or is refused. */
    private record Strict<T>(String name, String fallback, Function<String, T> convert) implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            String raw = value == null || value.isBlank() ? fallback : value.strip();
            return raw == null ? null : convert.apply(raw);
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
        }
    }

    private static <N> N wholeNumber(String name, String raw, Function<String, N> parse) {
        try {
            return parse.apply(raw);
        } catch (NumberFormatException e) {
            throw refuse(name, "must be a whole number, got '" + shown(raw) + "'");
        }
    }

    private static Boolean bool(String name, String raw) {
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.valueOf(raw);
        }
        throw refuse(name, "must be true or false, got '" + shown(raw) + "'");
    }

    private static <E extends Enum<E>> E constant(String name, String raw, Class<E> type) {
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw refuse(name, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", got '"
                    + shown(raw) + "'");
        }
    }

    private static InvalidParameterException refuse(String name, String message) {
        return new InvalidParameterException(new FieldError(name, message));
    }

    static String shown(String raw) {
        return raw.length() <= SHOWN ? raw : raw.substring(0, SHOWN) + "…";
    }

    /** The parameter's name as the client sends it; null for a body or a context object. */
    static String name(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            } else if (a instanceof PathParam p) {
                return p.value();
            } else if (a instanceof HeaderParam h) {
                return h.value();
            } else if (a instanceof FormParam f) {
                return f.value();
            } else if (a instanceof CookieParam c) {
                return c.value();
            } else if (a instanceof MatrixParam m) {
                return m.value();
            }
        }
        return null;
    }

    private static String defaultValue(Annotation[] annotations) {
        return Arrays.stream(annotations).filter(DefaultValue.class::isInstance).map(a -> ((DefaultValue) a).value())
                .findFirst().orElse(null);
    }
}
