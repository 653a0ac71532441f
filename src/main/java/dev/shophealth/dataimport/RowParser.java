package dev.shophealth.dataimport;

import dev.shophealth.common.ControlCharacters;
import dev.shophealth.common.FieldError;
import dev.shophealth.common.Params;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Typed, validated access to one row. Each accessor records what is wrong with its field and returns null, so a
 * row reports all of its faults at once; {@link #errors()} says whether the row may be written.
 */
public final class RowParser {

    private final Row row;
    private final List<FieldError> errors = new ArrayList<>();

    public RowParser(Row row) {
        this.row = row;
    }

    public int line() {
        return row.line();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public void fail(String field, String message) {
        errors.add(new FieldError(field, message, row.line()));
    }

    public String optionalText(String field, int maxLength) {
        String value = row.values().get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        String controls = ControlCharacters.check(value);
        if (controls != null) {
            fail(field, controls);
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            fail(field, "is longer than " + maxLength + " characters");
            return null;
        }
        return text;
    }

    public String text(String field, int maxLength) {
        String text = optionalText(field, maxLength);
        if (text == null && !hasError(field)) {
            fail(field, "is required");
        }
        return text;
    }

    public Integer integer(String field, int min, int max) {
        String text = text(field, 12);
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                fail(field, "must be between " + min + " and " + max + ", got " + value);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            fail(field, "must be a whole number, got '" + text + "'");
            return null;
        }
    }

    /** A non-negative amount with at most two decimals (CNY fen). */
    public BigDecimal money(String field) {
        String text = text(field, 20);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() < 0 || value.scale() > 2 || value.precision() - value.scale() > 12) {
                fail(field, "must be an amount from 0 with at most two decimals, got '" + text + "'");
                return null;
            }
            return value.setScale(2);
        } catch (NumberFormatException e) {
            fail(field, "must be a decimal amount such as 128.50, got '" + text + "'");
            return null;
        }
    }

    /** An ISO-8601 date-time with offset; kept to microseconds, the precision both databases store. */
    public Instant optionalInstant(String field) {
        String text = optionalText(field, 40);
        if (text == null) {
            return null;
        }
        try {
            OffsetDateTime value = parseDateTime(text);
            if (!Params.supportedYear(value.getYear())) {
                fail(field, Params.YEARS + ", got '" + text + "'");
                return null;
            }
            return value.toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            fail(field, "must be a date-time with offset such as 2026-11-20T08:30:00+08:00, got '" + text + "'");
            return null;
        }
    }

    /**
     * {@link OffsetDateTime#parse} of the common form {@code 2026-11-20T08:30:00[.123456](Z|+08:00)} without the
     * formatter, which a million-row import feels; any other text goes to the formatter, which accepts or refuses it.
     */
    static OffsetDateTime parseDateTime(String t) {
        int n = t.length();
        if (n >= 20 && t.charAt(4) == '-' && t.charAt(7) == '-' && t.charAt(10) == 'T' && t.charAt(13) == ':'
                && t.charAt(16) == ':') {
            int year = digits(t, 0, 4);
            int month = digits(t, 5, 2);
            int day = digits(t, 8, 2);
            int hour = digits(t, 11, 2);
            int minute = digits(t, 14, 2);
            int second = digits(t, 17, 2);
            int i = 19;
            int nanos = 0;
            if (i < n && t.charAt(i) == '.') {
                int start = ++i;
                while (i < n && i - start < 9 && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                    nanos = nanos * 10 + (t.charAt(i++) - '0');
                }
                if (i == start) {
                    return OffsetDateTime.parse(t);
                }
                for (int k = i - start; k < 9; k++) {
                    nanos *= 10;
                }
            }
            ZoneOffset offset = null;
            if (i == n - 1 && t.charAt(i) == 'Z') {
                offset = ZoneOffset.UTC;
            } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
                int hours = digits(t, i + 1, 2);
                int minutes = digits(t, i + 4, 2);
                if (hours >= 0 && minutes >= 0 && hours <= 18 && minutes <= 59) {
                    int sign = t.charAt(i) == '-' ? -1 : 1;
                    offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
                }
            }
            if (offset != null && year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
                try {
                    return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
                } catch (java.time.DateTimeException e) {
                    // out of range (a 30 February): the formatter says so in its words
                }
            }
        }
        return OffsetDateTime.parse(t);
    }

    /** The number the {@code count} ASCII digits at {@code from} spell, or -1. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public Instant instant(String field) {
        Instant value = optionalInstant(field);
        if (value == null && !hasError(field)) {
            fail(field, "is required");
        }
        return value;
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String text = text(field, 40);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            fail(field, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + text + "'");
            return null;
        }
    }

    private boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }
}
