package dev.shophealth.cancellation;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Cancellation request bodies for tests: {@code Requests.outOfStock("DY1").warehouseStock(5).contacted().post()}. */
final class Requests {

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> evidence = new LinkedHashMap<>();
    private String language = "en";
    private String key = UUID.randomUUID().toString();

    private Requests(String orderNo, String reason) {
        body.put("orderNo", orderNo);
        body.put("reason", reason);
    }

    static Requests of(String orderNo, String reason) {
        return new Requests(orderNo, reason);
    }

    static Requests outOfStock(String orderNo) {
        return of(orderNo, "OUT_OF_STOCK");
    }

    Requests detail(String detail) {
        body.put("detail", detail);
        return this;
    }

    Requests warehouseStock(int stock) {
        evidence.put("warehouseStock", stock);
        return this;
    }

    Requests evidence(String field, Object value) {
        evidence.put(field, value);
        return this;
    }

    Requests contacted() {
        body.put("buyerContact", Map.of("channel", "PHONE", "contactedAt", "2026-11-25T10:00:00+08:00",
                "summary", "已致电买家说明缺货并致歉 Called the buyer, explained, apologised",
                "compensation", Map.of("type", "COUPON", "amount", 10.00)));
        return this;
    }

    Requests set(String field, Object value) {
        body.put(field, value);
        return this;
    }

    Requests inChinese() {
        language = "zh-CN";
        return this;
    }

    Requests key(String idempotencyKey) {
        key = idempotencyKey;
        return this;
    }

    /** Submits with a bearer token instead of the test's fixed identity. */
    Requests as(String bearerToken) {
        token = bearerToken;
        return this;
    }

    private String token;

    ValidatableResponse post() {
        if (!evidence.isEmpty()) {
            body.put("evidence", evidence);
        }
        var spec = given().contentType("application/json").header("Accept-Language", language).body(body);
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.when().post("/api/cancellations").then();
    }
}
