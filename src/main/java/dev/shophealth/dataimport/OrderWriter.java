package dev.shophealth.dataimport;

import dev.shophealth.dataimport.OrderImporter.OrderRow;
import dev.shophealth.order.OrderStatus;
import io.quarkus.hibernate.orm.panache.Panache;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.postgresql.PGConnection;

/**
 * The upsert of orders in plain JDBC on the import transaction's own connection (the one Hibernate holds, so the
 * writes commit or roll back with the import): per chunk, one query reads the stored orders among its keys; new
 * orders go in with one COPY on PostgreSQL (JDBC batches on H2), changed ones with a batch of updates, unchanged ones
 * are counted. Hibernate holds no orders of the import, so none of its entities go stale.
 */
final class OrderWriter extends ChunkWriter<OrderRow> {

    static final int CHUNK = 10_000;
    private static final String COLUMNS = "order_no, shop_id, sku, product_name, quantity, amount, buyer_id, "
            + "buyer_region, placed_at, status, shipped_at, delivered_at, listed_stock_at_order";
    private static final String UPDATE = "update shop_order set shop_id = ?, sku = ?, product_name = ?, quantity = ?, "
            + "amount = ?, buyer_id = ?, buyer_region = ?, placed_at = ?, status = ?, shipped_at = ?, delivered_at = ?, "
            + "listed_stock_at_order = ? where order_no = ?";

    private final ImportContext context;

    OrderWriter(ImportContext context) {
        super(CHUNK);
        this.context = context;
    }

    @Override
    protected void write(List<OrderRow> records) {
        Session session = Panache.getEntityManager().unwrap(Session.class);
        // anything Hibernate still holds goes out first, on the same connection
        session.flush();
        session.doWork(connection -> write(connection, records));
    }

    private void write(Connection connection, List<OrderRow> chunk) throws SQLException {
        Map<String, OrderRow> stored = stored(connection, chunk);
        List<OrderRow> created = new ArrayList<>();
        List<OrderRow> updated = new ArrayList<>();
        for (OrderRow r : chunk) {
            context.touched(r.shopId());
            OrderRow before = stored.get(r.orderNo());
            if (before == null) {
                created.add(r);
            } else if (before.equals(r)) {
                count(RecordImporter.WriteResult.UNCHANGED, 1);
            } else {
                // an order may move to another shop: both shops are touched
                context.touched(before.shopId());
                updated.add(r);
            }
        }
        if (!created.isEmpty()) {
            PGConnection pg = connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : null;
            if (pg != null) {
                copy(pg, created);
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

    private static Map<String, OrderRow> stored(Connection connection, List<OrderRow> chunk) throws SQLException {
        Map<String, OrderRow> found = new HashMap<>();
        String[] keys = chunk.stream().map(OrderRow::orderNo).toArray(String[]::new);
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from shop_order where order_no = any (?)")) {
            Array array = connection.createArrayOf("varchar", keys);
            select.setArray(1, array);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    OrderRow r = new OrderRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), instant(rs, 9),
                            OrderStatus.valueOf(rs.getString(10)), instant(rs, 11), instant(rs, 12), rs.getInt(13));
                    found.put(r.orderNo(), r);
                }
            }
            array.free();
        }
        return found;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** One COPY of the chunk's new orders, in PostgreSQL's text format. */
    private static void copy(PGConnection pg, List<OrderRow> rows) throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 160);
        for (OrderRow r : rows) {
            field(text, r.orderNo()).append('\t');
            field(text, r.shopId()).append('\t');
            field(text, r.sku()).append('\t');
            field(text, r.productName()).append('\t');
            text.append(r.quantity().intValue()).append('\t');
            text.append(r.amount().toPlainString()).append('\t');
            field(text, r.buyerId()).append('\t');
            field(text, r.buyerRegion()).append('\t');
            instant(text, r.placedAt()).append('\t');
            text.append(r.status().name()).append('\t');
            instant(text, r.shippedAt()).append('\t');
            instant(text, r.deliveredAt()).append('\t');
            text.append(r.listedStockAtOrder().intValue()).append('\n');
        }
        try {
            pg.getCopyAPI().copyIn("copy shop_order (" + COLUMNS + ") from stdin", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text with COPY's escapes: backslash, tab, line feed and carriage return (the only ones a value may hold). */
    private static StringBuilder field(StringBuilder text, String value) {
        if (value == null) {
            return text.append("\\N");
        }
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
        return text;
    }

    private static StringBuilder instant(StringBuilder text, Instant value) {
        return value == null ? text.append("\\N") : text.append(value);
    }

    private static void insert(Connection connection, List<OrderRow> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into shop_order (" + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (OrderRow r : rows) {
                insert.setString(1, r.orderNo());
                bind(insert, 2, r);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void update(Connection connection, List<OrderRow> rows) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (OrderRow r : rows) {
                bind(update, 1, r);
                update.setString(13, r.orderNo());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** The twelve columns after the order number, from {@code first} on. */
    private static void bind(PreparedStatement s, int first, OrderRow r) throws SQLException {
        int i = first;
        s.setString(i++, r.shopId());
        s.setString(i++, r.sku());
        s.setString(i++, r.productName());
        s.setInt(i++, r.quantity());
        s.setBigDecimal(i++, r.amount());
        s.setString(i++, r.buyerId());
        s.setString(i++, r.buyerRegion());
        time(s, i++, r.placedAt());
        s.setString(i++, r.status().name());
        time(s, i++, r.shippedAt());
        time(s, i++, r.deliveredAt());
        s.setInt(i, r.listedStockAtOrder());
    }

    private static void time(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, value.atOffset(java.time.ZoneOffset.UTC));
        }
    }
}
