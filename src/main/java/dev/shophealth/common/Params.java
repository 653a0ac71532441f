package dev.shophealth.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads the date parameters whose meaning depends on the platform's zone: a plain day is its start or, for the end
 * of a period, the start of the next day. A bad value answers 400 naming the parameter. Typed parameters (numbers,
 * booleans, enumerations) are converted by {@link ParameterConverters} and bounded by Bean Validation constraints.
 */
public final class Params {

    /** Why a date outside {@link #supportedYear} is refused. */
    public static final String YEARS = "must be in the years 1 to 9999";

    private Params() {
    }

    /**
     * Whether a date written with this year can be stored and computed with (windows before it, spans to it): on
     * PostgreSQL timestamps end at 4713 BC and 294276 AD, and spans of millions of years overflow.
     */
    public static boolean supportedYear(int year) {
        return year >= 1 && year <= 9999;
    }

    /**
     * An instant from {@code 2026-11-20T08:00:00Z} or a plain date {@code 2026-11-20}; a plain date means its
     * start ({@code endOfDay=false}) or the start of the next day ({@code endOfDay=true}) in {@code zone}.
     */
    public static Instant instant(String field, String raw, boolean endOfDay, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                requireSupportedYear(field, date.getYear());
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            java.time.OffsetDateTime instant = java.time.OffsetDateTime.parse(value);
            requireSupportedYear(field, instant.getYear());
            return instant.toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field,
                    "must be a date (2026-11-20) or a date-time with offset (2026-11-20T08:00:00Z), got '" + raw + "'");
        }
    }

    private static void requireSupportedYear(String field, int year) {
        if (!supportedYear(year)) {
            throw ProblemException.badRequest(field, YEARS + ", got the year " + year);
        }
    }

    /** A period from query parameters: {@code to} defaults to now, {@code from} to {@code defaultDays} before it. */
    public record Period(Instant from, Instant to) {
    }

    public static Period period(String from, String to, int defaultDays, ZoneId zone) {
        Instant end = to == null || to.isBlank() ? Instant.now() : instant("to", to, true, zone);
        Instant start = from == null || from.isBlank() ? end.minus(java.time.Duration.ofDays(defaultDays))
                : instant("from", from, false, zone);
        if (start.isAfter(end)) {
            throw ProblemException.badRequest("from", "must not be after 'to'");
        }
        return new Period(start, end);
    }

    /** The value without surrounding blanks; null when absent or blank. */
    public static String trimmed(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }
}
