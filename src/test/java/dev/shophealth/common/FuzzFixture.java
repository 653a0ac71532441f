package dev.shophealth.common;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The fuzz's own shop FZ01, loaded through the API as the admin: its products, 900 orders waiting for shipment (each
 * screening case takes a fresh one, so a valid screening is screened, not refused as a repeat), evidence and feedback,
 * one screened request, a backtest, and a merchant's bearer token for FZ01. The sample shops are never written to.
 */
final class FuzzFixture {

    static final String SHOP = "FZ01";
    static final String ZONE = "Asia/Shanghai";
    private static final int ORDERS = 900;
    private static final ObjectMapper JSON = new ObjectMapper();

    final String revision;
    final String requestId;
    final String decisionId;
    final String backtestId;
    final String today = LocalDate.now(ZoneId.of(ZONE)).toString();
    private final String merchantToken;
    private final Map<String, ArrayNode> imports = new LinkedHashMap<>();
    private final Deque<String> pending = new ArrayDeque<>();
    private final byte[] rulesZip;
    private int nextOrder = 10;
    private long keys;
    private int imported;

    FuzzFixture() {
        String placed = at(1);
        imports.put("shops", rows(row("id", SHOP, "name", "模糊测试店 Fuzz shop", "category", "测试 Test"),
                row("id", "FZ02", "name", "模糊测试店 Fuzz shop 2", "category", "测试 Test")));
        imports.put("products", rows(row("sku", "FZ01-A", "shopId", SHOP, "name", "商品 A", "listedStock", 10),
                row("sku", "FZ01-B", "shopId", SHOP, "name", "商品 B", "listedStock", 3)));
        imports.put("orders", rows(order(1, "AWAITING_SHIPMENT", placed), order(2, "DELIVERED", placed)));
        imports.put("stock-counts", rows(row("sku", "FZ01-A", "countedQuantity", 5, "countedAt", at(2)),
                row("sku", "FZ01-B", "countedQuantity", 0, "countedAt", at(3))));
        imports.put("inspections", rows(row("inspectionId", "FZ01-I1", "sku", "FZ01-A", "batch", "B1", "result", "FAIL",
                "defect", "电池鼓包 Battery swelling", "inspectedAt", at(2)),
                row("inspectionId", "FZ01-I2", "sku", "FZ01-B", "batch", "B2", "result", "PASS", "defect", null,
                        "inspectedAt", at(3))));
        imports.put("logistics-events", rows(row("eventId", "FZ01-E1", "orderNo", orderNo(1), "region", null,
                "kind", "DELAY", "detail", "延误 Delayed", "occurredAt", at(1)),
                row("eventId", "FZ01-E2", "orderNo", null, "region", "上海 Shanghai", "kind", "DISRUPTION",
                        "detail", "暴雨 Heavy rain", "occurredAt", at(2))));
        imports.put("reviews", rows(row("orderNo", orderNo(2), "stars", 2, "text", "差评 Bad", "reviewedAt", at(0)),
                row("orderNo", orderNo(1), "stars", 5, "text", "好 Good", "reviewedAt", at(0))));
        imports.put("complaints", rows(row("orderNo", orderNo(2), "text", "投诉 Complaint", "complainedAt", at(0)),
                row("orderNo", orderNo(1), "text", "投诉 Complaint 2", "complainedAt", at(0))));
        ArrayNode orders = JSON.createArrayNode();
        for (int i = 1; i <= ORDERS; i++) {
            orders.add(order(i, i == 2 ? "DELIVERED" : "AWAITING_SHIPMENT", placed));
        }
        admin().contentType("application/json").body(imports.get("shops").toString()).post("/api/import/shops").then().log().ifValidationFails().statusCode(200);
        admin().contentType("application/json").body(imports.get("products").toString()).post("/api/import/products").then().log().ifValidationFails().statusCode(200);
        admin().contentType("application/json").body(orders.toString()).post("/api/import/orders").then().log().ifValidationFails().statusCode(200);
        imports.forEach((kind, rows) -> admin().contentType("application/json").body(rows.toString())
                .post("/api/import/" + kind).then().log().ifValidationFails().statusCode(200));
        merchantToken = Jwt.issuer("https://shop-health.test").upn("fuzz-merchant").groups(Set.of("MERCHANT"))
                .claim("shops", List.of(SHOP)).expiresIn(3 * 3600).sign();
        revision = admin().get("/api/rulesets/active").then().log().ifValidationFails().statusCode(200).extract().path("revision");
        var screened = admin().contentType("application/json").header("Idempotency-Key", key())
                .body(screening(orderNo(3)).toString()).post("/api/cancellations").then().log().ifValidationFails().statusCode(201).extract();
        requestId = screened.path("id");
        decisionId = screened.path("screening.decisionId");
        backtestId = admin().contentType("application/json").body(period().toString())
                .post("/api/rulesets/" + revision + "/backtest").then().log().ifValidationFails().statusCode(202).extract().path("id");
        admin().delete("/api/backtests/" + backtestId);
        rulesZip = zip(Path.of("rules"));
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin-demo");
    }

    String authorization(String role) {
        return switch (role) {
            case "MERCHANT" -> "Bearer " + merchantToken;
            case "REVIEWER" -> basic("reviewer", "reviewer-demo");
            case "ANALYST" -> basic("analyst", "analyst-demo");
            default -> basic("admin", "admin-demo");
        };
    }

    /** An order of FZ01 no case has used: a valid screening of it is screened, not refused as a repeat. */
    String freshOrder() {
        if (nextOrder > ORDERS) {
            throw new IllegalStateException("the fixture's " + ORDERS + " orders are used up; raise ORDERS");
        }
        return orderNo(nextOrder++);
    }

    String key() {
        return "fuzz-" + (++keys) + "-" + System.nanoTime();
    }

    /** A request waiting for review (one is screened when none is left). */
    String pendingRequest() {
        if (pending.isEmpty()) {
            ObjectNode body = screening(freshOrder()).put("reason", "OTHER")
                    .put("detail", "买家要求改送到我们不配送的城市，无法发货 Buyer wants a city we cannot reach");
            var screened = admin().contentType("application/json").header("Idempotency-Key", key()).body(body.toString())
                    .post("/api/cancellations").then().log().ifValidationFails().statusCode(201).extract();
            if (!"PENDING_REVIEW".equals(screened.path("status"))) {
                throw new IllegalStateException("an OTHER request with a detail was " + screened.path("status"));
            }
            pending.push(screened.path("id"));
        }
        return pending.peek();
    }

    /** After a review was accepted: the request is no longer pending. */
    void reviewed(String id) {
        pending.remove(id);
    }

    ObjectNode screening(String orderNo) {
        ObjectNode body = row("orderNo", orderNo, "reason", "OUT_OF_STOCK", "detail", "仓库实际只有5件 The warehouse has 5");
        body.set("evidence", row("warehouseStock", 5, "inspectionId", "FZ01-I1", "logisticsEventId", null));
        ObjectNode contact = row("channel", "PHONE", "contactedAt", at(0), "summary", "已致电买家 Called the buyer");
        contact.set("compensation", row("type", "COUPON", "amount", 10.5));
        body.set("buyerContact", contact);
        return body;
    }

    ObjectNode period() {
        return row("from", LocalDate.parse(today).minusDays(1).toString(), "to", today);
    }

    /**
     * The rows the fixture imported, with one value of the first row new for each case (a shop's name, a counted
     * quantity...): an import that is accepted and not a dry run must update it.
     */
    JsonNode importRows(String kind) {
        ArrayNode rows = imports.get(kind).deepCopy();
        ObjectNode first = (ObjectNode) rows.get(0);
        int n = ++imported;
        switch (kind) {
            case "stock-counts" -> first.put("countedQuantity", n % 100);
            case "orders" -> first.put("productName", "商品 A #" + n);
            case "inspections" -> first.put("batch", "B1-" + n);
            case "logistics-events" -> first.put("detail", "延误 Delayed #" + n);
            case "reviews", "complaints" -> first.put("text", first.path("text").asText() + " #" + n);
            default -> first.put("name", first.path("name").asText() + " #" + n);
        }
        return rows;
    }

    byte[] rulesZip() {
        return rulesZip;
    }

    static String orderNo(int i) {
        return String.format("%s-%04d", SHOP, i);
    }

    private ObjectNode order(int i, String status, String placed) {
        boolean delivered = status.equals("DELIVERED");
        return row("orderNo", orderNo(i), "shopId", SHOP, "sku", "FZ01-A", "productName", "商品 A", "quantity", 8,
                "amount", "88.50", "buyerId", "B-FZ-" + i, "buyerRegion", "上海 Shanghai", "placedAt", placed,
                "status", status, "shippedAt", delivered ? placed : null, "deliveredAt", delivered ? placed : null,
                "listedStockAtOrder", 10);
    }

    /** A time {@code days} days and an hour ago, with the +08:00 offset, to the second. */
    private static String at(int days) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(days).minusHours(1).withNano(0).toString();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode row(Object... pairs) {
        ObjectNode row = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            row.set((String) pairs[i], JSON.valueToTree(pairs[i + 1]));
        }
        return row;
    }

    private static ArrayNode rows(ObjectNode... rows) {
        ArrayNode array = JSON.createArrayNode();
        Stream.of(rows).forEach(array::add);
        return array;
    }

    private static byte[] zip(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<String> entries = new java.util.ArrayList<>();
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.add(folder.relativize(p).toString().replace('\\', '/'));
                entries.add(Files.readString(p));
            }
            return FuzzBodies.zipOf(entries.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
