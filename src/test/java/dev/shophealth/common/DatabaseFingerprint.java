package dev.shophealth.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * What the database holds, cheaply enough to take before and after every fuzz case: the row count of every table
 * of the application, and for the tables a request may update in place, a digest of their content (an update
 * changes no count). Two fingerprints that differ name the tables that changed.
 */
final class DatabaseFingerprint {

    /** Every table of the schema (Flyway's own history aside). */
    static final List<String> TABLES = List.of("shop", "product", "shop_order", "stock_count", "quality_inspection",
            "logistics_event", "review", "complaint", "decision_log", "cancellation_request", "buyer_contact", "refund",
            "ruleset_version", "ruleset_activation", "app_user", "audit_event");

    private static final String COUNTS = TABLES.stream().map(t -> "(select count(*) from " + t + ")")
            .collect(Collectors.joining(", ", "select ", ""));

    private final DataSource dataSource;

    DatabaseFingerprint(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Row counts of every table, and a content digest of each of {@code digested}. */
    Map<String, String> take(Collection<String> digested) {
        Map<String, String> print = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet counts = s.executeQuery(COUNTS)) {
                counts.next();
                for (int i = 0; i < TABLES.size(); i++) {
                    print.put(TABLES.get(i), counts.getString(i + 1) + " rows");
                }
            }
            for (String table : digested) {
                print.merge(table, digest(s, table), (count, digest) -> count + ", content " + digest);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's fingerprint", e);
        }
        return print;
    }

    /** An order-independent digest of every row (the sum of the rows' digests). */
    private static String digest(Statement s, String table) throws SQLException {
        long sum = 0;
        try (ResultSet rows = s.executeQuery("select * from " + table)) {
            int columns = rows.getMetaData().getColumnCount();
            MessageDigest md = sha256();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    String value = rows.getString(i);
                    md.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                }
                byte[] row = md.digest();
                for (int i = 0; i < 8; i++) {
                    sum += (row[i] & 0xffL) << (8 * i);
                }
            }
        }
        return Long.toHexString(sum);
    }

    /** The tables whose entries differ, with both entries. */
    static Map<String, String> changes(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changed = new TreeMap<>();
        after.forEach((table, now) -> {
            if (!now.equals(before.get(table))) {
                changed.put(table, before.get(table) + " -> " + now);
            }
        });
        return changed;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
