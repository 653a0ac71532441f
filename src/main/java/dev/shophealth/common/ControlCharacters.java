package dev.shophealth.common;

/**
 * Text no field of this API accepts: NUL, which PostgreSQL cannot store in text, and the other C0 control
 * characters and DEL, which mean nothing in an id, a name or a note. Tab, line feed and carriage return stay
 * allowed (notes and comments have lines).
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The index of the first character {@code value} may not hold, or -1 (also for null). */
    public static int find(String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return i;
            }
        }
        return -1;
    }

    /** Why {@code value} is refused, for a field error: which character and where (counting from 1). */
    public static String problem(String value, int index) {
        return String.format("must not contain control characters; found U+%04X at character %d",
                (int) value.charAt(index), index + 1);
    }

    /** The reason {@code value} is refused, or null when it is acceptable. */
    public static String check(String value) {
        int index = find(value);
        return index < 0 ? null : problem(value, index);
    }
}
