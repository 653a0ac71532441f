package dev.shophealth.cancellation;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small shop of a test's own, loaded through the import API:
 * {@code ShopFixture.shop("T9101").product("T9101-A", 10).order("T9101-1", "T9101-A", 8, 10).load()}.
 * Times are relative to now; orders are placed a day ago in 上海 Shanghai unless said otherwise.
 */
public final class ShopFixture {

    static final String REGION = "上海 Shanghai";
    private final String shopId;
    private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();

    private ShopFixture(String shopId) {
        this.shopId = shopId;
        add("shops", "id", shopId, "name", "测试店 " + shopId, "category", "测试 Test");
    }

    public static ShopFixture shop(String shopId) {
        return new ShopFixture(shopId);
    }

    public static String ago(Duration d) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).minus(d).withNano(0).toString();
    }

    public ShopFixture product(String sku, int listedStock) {
        return add("products", "sku", sku, "shopId", shopId, "name", "商品 Product " + sku, "listedStock", listedStock);
    }

    public ShopFixture order(String orderNo, String sku, int quantity, int listedStockAtOrder) {
        return order(orderNo, sku, quantity, listedStockAtOrder, REGION, "AWAITING_SHIPMENT", Duration.ofDays(1));
    }

    public ShopFixture order(String orderNo, String sku, int quantity, int listedStockAtOrder, String region, String status,
            Duration ago) {
        boolean shipped = !status.equals("AWAITING_SHIPMENT");
        return add("orders", "orderNo", orderNo, "shopId", shopId, "sku", sku, "productName", "商品 Product " + sku,
                "quantity", quantity, "amount", "88.50", "buyerId", "B-" + orderNo, "buyerRegion", region,
                "placedAt", ago(ago), "status", status,
                "shippedAt", shipped ? ago(ago.minusHours(1)) : null,
                "deliveredAt", status.equals("DELIVERED") ? ago(ago.minusHours(2)) : null,
                "listedStockAtOrder", listedStockAtOrder);
    }

    ShopFixture stockCount(String sku, int counted, Duration ago) {
        return add("stock-counts", "sku", sku, "countedQuantity", counted, "countedAt", ago(ago));
    }

    public ShopFixture inspection(String id, String sku, String result, Duration ago) {
        return add("inspections", "inspectionId", id, "sku", sku, "batch", "B-" + id, "result", result,
                "defect", result.equals("FAIL") ? "电池鼓包 Battery swelling" : null, "inspectedAt", ago(ago));
    }

    public ShopFixture logistics(String id, String orderNo, String region, String kind, Duration ago) {
        return add("logistics-events", "eventId", id, "orderNo", orderNo, "region", region, "kind", kind,
                "detail", "测试 Test event", "occurredAt", ago(ago));
    }

    public ShopFixture load() {
        rows.forEach((kind, list) -> given().contentType("application/json").body(list)
                .when().post("/api/import/" + kind).then().log().ifValidationFails().statusCode(200));
        return this;
    }

    private ShopFixture add(String kind, Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        rows.computeIfAbsent(kind, k -> new ArrayList<>()).add(row);
        return this;
    }
}
