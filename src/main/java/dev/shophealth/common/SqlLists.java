package dev.shophealth.common;

import java.util.List;
import java.util.stream.Collectors;

/** Constant lists written into SQL text: the native statements that aggregate by status or kind. */
public final class SqlLists {

    private SqlLists() {
    }

    /** {@code ('A', 'B')}: the names of enum constants (code constants, never input), as an SQL {@code in} list. */
    public static String in(List<? extends Enum<?>> values) {
        return values.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}
