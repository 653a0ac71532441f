package dev.shophealth.dataimport;

import dev.shophealth.dataimport.BulkTable.Column;
import io.quarkus.hibernate.orm.panache.Panache;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.postgresql.PGConnection;

/**
 * The upsert of the large kinds (orders, stock counts, inspections, logistics events, reviews, complaints) in plain
 * JDBC on the import transaction's own connection (the one Hibernate holds, so the writes commit or roll back with the
 * import). Per chunk, one query reads the stored records among its keys; new records go in with one COPY on
 * PostgreSQL (JDBC batches on H2), changed ones with a batch of updates by their natural key, unchanged ones are
 * counted: the same upsert as {@link Upserts}, without an entity per row. Hibernate holds none of these records, so
 * none of its entities go stale.
 */
final class BulkWriter<R> extends ChunkWriter<R> {

    static final int CHUNK = 10_000;

    private final BulkTable<R> table;
    private final Function<R, String> key;
    private final ImportContext context;
    private final String columnList;

    BulkWriter(BulkTable<R> table, Function<R, String> key, ImportContext context) {
        super(CHUNK);
        this.table = table;
        this.key = key;
        this.context = context;
        this.columnList = table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    }

    @Override
    String table() {
        return table.name();
    }

    @Override
    protected void write(List<R> records) {
        Session session = Panache.getEntityManager().unwrap(Session.class);
        // anything Hibernate still holds goes out first, on the same connection
        session.flush();
        session.doWork(connection -> write(connection, records));
    }

    private void write(Connection connection, List<R> records) throws SQLException {
        Map<String, R> stored = stored(connection, records);
        List<R> created = new ArrayList<>();
        List<R> updated = new ArrayList<>();
        for (R r : records) {
            touched(r);
            R before = stored.get(key.apply(r));
            if (before == null) {
                created.add(r);
            } else if (before.equals(r)) {
                count(RecordImporter.WriteResult.UNCHANGED, 1);
            } else {
                // a record may move to another shop (an order, an event about another order): both are touched
                touched(before);
                updated.add(r);
            }
        }
        if (!created.isEmpty()) {
            if (connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), created);
            } else {
                insert(connection, created);
            }
            count(RecordImporter.WriteResult.CREATED, created.size());
        }
        if (!updated.isEmpty()) {
            update(connection, updated);
            count(RecordImporter.WriteResult.UPDATED, updated.size());
        }
    }

    private void touched(R record) {
        String shop = table.shop(record, context);
        if (shop != null) {
            context.touched(shop);
        }
    }

    /** The stored records whose first key column is among the chunk's, by their natural key. */
    private Map<String, R> stored(Connection connection, List<R> records) throws SQLException {
        Map<String, R> found = new HashMap<>();
        Column<R> first = table.columns().get(0);
        String[] keys = records.stream().map(r -> (String) first.value().apply(r)).distinct().toArray(String[]::new);
        try (PreparedStatement select = connection.prepareStatement(
                "select " + columnList + " from " + table.name() + " where " + first.name() + " = any (?)")) {
            Array array = connection.createArrayOf("varchar", keys);
            select.setArray(1, array);
            try (ResultSet rs = select.executeQuery()) {
                List<Column<R>> columns = table.columns();
                while (rs.next()) {
                    Object[] values = new Object[columns.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = read(rs, i + 1, columns.get(i).type());
                    }
                    R r = table.read(values);
                    found.put(key.apply(r), r);
                }
            }
            array.free();
        }
        return found;
    }

    private static Object read(ResultSet rs, int index, BulkTable.Type type) throws SQLException {
        return switch (type) {
            case TEXT, ENUM -> rs.getString(index);
            case INTEGER -> {
                int value = rs.getInt(index);
                yield rs.wasNull() ? null : Integer.valueOf(value);
            }
            case DECIMAL -> rs.getBigDecimal(index);
            case INSTANT -> {
                OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
                yield value == null ? null : value.toInstant();
            }
        };
    }

    /** One COPY of the chunk's new records, in PostgreSQL's text format. */
    private void copy(PGConnection pg, List<R> records) throws SQLException {
        List<Column<R>> columns = table.columns();
        StringBuilder text = new StringBuilder(records.size() * 40 * columns.size());
        for (R r : records) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    text.append('\t');
                }
                field(text, columns.get(i), r);
            }
            text.append('\n');
        }
        try {
            pg.getCopyAPI().copyIn("copy " + table.name() + " (" + columnList + ") from stdin",
                    new StringReader(text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <R> void field(StringBuilder text, Column<R> column, R record) {
        Object value = column.value().apply(record);
        if (value == null) {
            text.append("\\N");
            return;
        }
        switch (column.type()) {
            case TEXT -> escaped(text, (String) value);
            case ENUM -> text.append(((Enum<?>) value).name());
            case DECIMAL -> text.append(((BigDecimal) value).toPlainString());
            case INTEGER, INSTANT -> text.append(value);
        }
    }

    /** Text with COPY's escapes: backslash, tab, line feed and carriage return (the only ones a value may hold). */
    private static void escaped(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private void insert(Connection connection, List<R> records) throws SQLException {
        List<Column<R>> columns = table.columns();
        String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into " + table.name() + " (" + columnList + ") values (" + marks + ")")) {
            for (R r : records) {
                for (int i = 0; i < columns.size(); i++) {
                    bind(insert, i + 1, columns.get(i), r);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Sets the columns after the key, found by the key's columns. */
    private void update(Connection connection, List<R> records) throws SQLException {
        List<Column<R>> keys = table.columns().subList(0, table.keyColumns());
        List<Column<R>> values = table.columns().subList(table.keyColumns(), table.columns().size());
        String sql = "update " + table.name() + " set "
                + values.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", ")) + " where "
                + keys.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(" and "));
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (R r : records) {
                int index = 1;
                for (Column<R> c : values) {
                    bind(update, index++, c, r);
                }
                for (Column<R> c : keys) {
                    bind(update, index++, c, r);
                }
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static <R> void bind(PreparedStatement s, int index, Column<R> column, R record) throws SQLException {
        Object value = column.value().apply(record);
        switch (column.type()) {
            case TEXT -> s.setString(index, (String) value);
            case ENUM -> s.setString(index, value == null ? null : ((Enum<?>) value).name());
            case INTEGER -> {
                if (value == null) {
                    s.setNull(index, Types.INTEGER);
                } else {
                    s.setInt(index, (Integer) value);
                }
            }
            case DECIMAL -> s.setBigDecimal(index, (BigDecimal) value);
            case INSTANT -> {
                if (value == null) {
                    s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    s.setObject(index, ((Instant) value).atOffset(ZoneOffset.UTC));
                }
            }
        }
    }
}
