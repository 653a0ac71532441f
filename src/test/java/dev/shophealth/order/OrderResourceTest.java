package dev.shophealth.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsStringIgnoringCase;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("persistence")
@TestSecurity(user = "reviewer", roles = "REVIEWER")
class OrderResourceTest {

    @Test
    void findsTheSeedExampleByProductName() {
        // the seed: back office showed 10, the warehouse counted 5, the order is for 8
        given().queryParam("shopId", "S1002").queryParam("product", "香薰蜡烛")
                .when().get("/api/orders")
                .then().statusCode(200)
                .body("items.shopId", everyItem(equalTo("S1002")))
                .body("items.productName", everyItem(containsStringIgnoringCase("香薰蜡烛")))
                .body("items.find { it.orderNo == 'DY1002009999' }.quantity", equalTo(8))
                .body("items.find { it.orderNo == 'DY1002009999' }.listedStockAtOrder", equalTo(10));

        given().when().get("/api/orders/DY1002009999")
                .then().statusCode(200)
                .body("order.quantity", equalTo(8))
                .body("evidence.stockCounts[0].countedQuantity", equalTo(5));
    }

    @Test
    void productSearchIgnoresCase() {
        given().queryParam("product", "NORDIC ceramic MUG").queryParam("size", "200")
                .when().get("/api/orders")
                .then().statusCode(200)
                .body("total", greaterThan(1))
                .body("items.productName", everyItem(equalTo("北欧简约陶瓷马克杯 Nordic ceramic mug")));
        given().queryParam("product", "scented CANDLE").when().get("/api/orders")
                .then().statusCode(200).body("items.orderNo", hasItem("DY1002009999"));
    }

    @Test
    void listsNewestFirstInPages() {
        List<String> placed = given().queryParam("shopId", "S1001").queryParam("size", "50").queryParam("page", "1")
                .when().get("/api/orders")
                .then().statusCode(200).body("items", hasSize(50)).body("page", equalTo(1))
                .extract().jsonPath().getList("items.placedAt", String.class);
        for (int i = 1; i < placed.size(); i++) {
            assert !Instant.parse(placed.get(i)).isAfter(Instant.parse(placed.get(i - 1))) : "not newest first";
        }
    }

    @Test
    void filtersByOrderNumberAndDates() {
        String placedAt = given().when().get("/api/orders/DY1002009999").then().extract().path("order.placedAt");
        given().queryParam("orderNo", "DY1002009999").queryParam("from", placedAt)
                .when().get("/api/orders")
                .then().statusCode(200).body("items.orderNo", contains("DY1002009999"));
        given().queryParam("orderNo", "DY1002009999").queryParam("to", "2000-01-01")
                .when().get("/api/orders")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void unknownOrderIsAProblem404() {
        given().when().get("/api/orders/NOPE-1")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsStringIgnoringCase("NOPE-1"));
    }

    @Test
    void badQueryValuesNameTheParameter() {
        given().queryParam("from", "yesterday").when().get("/api/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().queryParam("size", "5000").when().get("/api/orders")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("status", "LOST").when().get("/api/orders")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").when().get("/api/orders")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }
}
