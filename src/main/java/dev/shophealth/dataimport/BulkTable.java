package dev.shophealth.dataimport;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How one kind's records map onto its table, for {@link BulkWriter}: the columns in the order they are read and
 * written, the natural key's columns first (the first one a text column the stored records are looked up by), how a
 * stored row becomes a record again, and which shop a record belongs to. Declared once per kind, next to its record:
 * <pre>
 * BulkTable.of("review", 1, ReviewRow.class)
 *         .text("order_no", ReviewRow::orderNo).integer("stars", ReviewRow::stars)...
 *         .read(v -&gt; new ReviewRow(v.text(0), v.integer(1), ...))
 * </pre>
 */
final class BulkTable<R> {

    /** How a column's value is bound, copied and read. */
    enum Type {
        TEXT, INTEGER, DECIMAL, INSTANT, ENUM
    }

    record Column<R>(String name, Type type, Function<R, ?> value) {
    }

    private final String name;
    private final int keyColumns;
    private final List<Column<R>> columns = new ArrayList<>();
    private Function<Values, R> read;
    private BiFunction<R, ImportContext, String> shop = (r, context) -> null;

    private BulkTable(String name, int keyColumns) {
        this.name = name;
        this.keyColumns = keyColumns;
    }

    static <R> BulkTable<R> of(String table, int keyColumns, Class<R> type) {
        return new BulkTable<>(table, keyColumns);
    }

    BulkTable<R> text(String column, Function<R, String> value) {
        return column(column, Type.TEXT, value);
    }

    BulkTable<R> integer(String column, Function<R, Integer> value) {
        return column(column, Type.INTEGER, value);
    }

    BulkTable<R> decimal(String column, Function<R, BigDecimal> value) {
        return column(column, Type.DECIMAL, value);
    }

    BulkTable<R> instant(String column, Function<R, Instant> value) {
        return column(column, Type.INSTANT, value);
    }

    BulkTable<R> enumName(String column, Function<R, ? extends Enum<?>> value) {
        return column(column, Type.ENUM, value);
    }

    /** A stored row, its values in column order, as a record equal to the one its import would make. */
    BulkTable<R> read(Function<Values, R> reader) {
        this.read = reader;
        return this;
    }

    /** The shop a record belongs to (its day counts), null for none; by default none. */
    BulkTable<R> shop(BiFunction<R, ImportContext, String> owner) {
        this.shop = owner;
        return this;
    }

    private BulkTable<R> column(String column, Type type, Function<R, ?> value) {
        columns.add(new Column<>(column, type, value));
        return this;
    }

    String name() {
        return name;
    }

    List<Column<R>> columns() {
        return columns;
    }

    int keyColumns() {
        return keyColumns;
    }

    R read(Object[] values) {
        return read.apply(new Values(values));
    }

    String shop(R record, ImportContext context) {
        return shop.apply(record, context);
    }

    /** The values of one stored row, by column index, typed as the record wants them. */
    static final class Values {
        private final Object[] values;

        Values(Object[] values) {
            this.values = values;
        }

        String text(int i) {
            return (String) values[i];
        }

        Integer integer(int i) {
            return (Integer) values[i];
        }

        BigDecimal decimal(int i) {
            return (BigDecimal) values[i];
        }

        Instant instant(int i) {
            return (Instant) values[i];
        }

        <E extends Enum<E>> E enumValue(int i, Class<E> type) {
            return values[i] == null ? null : Enum.valueOf(type, (String) values[i]);
        }
    }
}
