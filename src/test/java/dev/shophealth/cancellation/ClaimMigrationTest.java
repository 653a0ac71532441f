package dev.shophealth.cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V5 on a database written before it: approved requests claim their order, the earliest one where an order was
 * approved twice, and none where a request waiting for review holds the order already.
 */
class ClaimMigrationTest {

    private static final String URL = "jdbc:h2:mem:claim-migration;DB_CLOSE_DELAY=-1";

    @Test
    void approvedRequestsFromBeforeClaimTheirOrder() throws SQLException {
        // given: the schema before V5 with what the race left behind
        migrate("4");
        try (Connection db = DriverManager.getConnection(URL, "sa", ""); Statement sql = db.createStatement()) {
            sql.execute("insert into shop values ('M1', 'Shop', 'Test')");
            sql.execute("insert into product values ('M1-A', 'M1', 'Item', 10)");
            for (String order : new String[] {"M1-1", "M1-2", "M1-3"}) {
                sql.execute("insert into shop_order (order_no, shop_id, sku, product_name, quantity, amount, buyer_id,"
                        + " buyer_region, placed_at, status, listed_stock_at_order) values ('" + order + "', 'M1',"
                        + " 'M1-A', 'Item', 1, 10.00, 'B', 'R', current_timestamp, 'CANCELLED', 10)");
            }
            sql.execute("insert into decision_log (decision_id, decided_at, kind, subject, ruleset_revision, input,"
                    + " output, fired_rules) values ('d', current_timestamp, 'SCREENING', 'M1', 'r', '{}', '{}', '')");
            request(sql, "r1-late", "M1-1", "AUTO_APPROVED", "2026-11-02T10:00:00Z", null);
            request(sql, "r1-early", "M1-1", "AUTO_APPROVED", "2026-11-02T09:00:00Z", null);
            request(sql, "r1-rejected", "M1-1", "AUTO_REJECTED", "2026-11-02T08:00:00Z", null);
            request(sql, "r2-b", "M1-2", "APPROVED", "2026-11-02T09:00:00Z", null);
            request(sql, "r2-a", "M1-2", "AUTO_APPROVED", "2026-11-02T09:00:00Z", null);
            request(sql, "r3-pending", "M1-3", "PENDING_REVIEW", "2026-11-02T09:00:00Z", "M1-3");
            request(sql, "r3-approved", "M1-3", "AUTO_APPROVED", "2026-11-02T10:00:00Z", null);
        }

        // when
        migrate("5");

        // then
        try (Connection db = DriverManager.getConnection(URL, "sa", ""); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select id, claimed_order_no from cancellation_request")) {
            Map<String, String> claims = new TreeMap<>();
            while (rows.next()) {
                claims.put(rows.getString(1), String.valueOf(rows.getString(2)));
            }
            assertEquals(Map.of("r1-late", "null", "r1-early", "M1-1", "r1-rejected", "null", "r2-a", "M1-2",
                    "r2-b", "null", "r3-pending", "M1-3", "r3-approved", "null"), claims);
        }
    }

    private static void migrate(String target) {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").target(target).load()
                .migrate();
    }

    private static void request(Statement sql, String id, String order, String status, String at, String open)
            throws SQLException {
        sql.execute("insert into cancellation_request (id, order_no, shop_id, reason, status, submitted_at,"
                + " screening_verdict, decision_id, idempotency_key, request_hash, open_order_no) values ('" + id
                + "', '" + order + "', 'M1', 'OUT_OF_STOCK', '" + status + "', timestamp with time zone '"
                + at.replace('T', ' ').replace("Z", "+00") + "', 'APPROVE', 'd', '" + id + "', 'h', "
                + (open == null ? "null" : "'" + open + "'") + ")");
    }
}
