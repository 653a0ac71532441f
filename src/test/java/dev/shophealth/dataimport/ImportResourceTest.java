package dev.shophealth.dataimport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shophealth.order.Product;
import dev.shophealth.order.Shop;
import dev.shophealth.order.ShopOrder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("persistence")
@TestSecurity(user = "admin", roles = "ADMIN")
class ImportResourceTest {

    /** Enough rows that two imports of the file overlap in time. */
    private static final int RACE_ROWS = 300;

    private static ValidatableResponse post(String kind, String contentType, String body) {
        return given().contentType(contentType + "; charset=UTF-8").body(body)
                .when().post("/api/import/" + kind).then();
    }

    @Test
    void aBadRowInTheMiddleRejectsTheWholeFileAndWritesNothing() {
        // given
        post("shops", "text/csv", Csv.header("id", "name", "category").row("T2001", "测试店", "杂货").text())
                .statusCode(200);
        String file = Csv.header("sku", "shopId", "name", "listedStock")
                .row("T2001-A", "T2001", "甲", 3)
                .row("T2001-B", "T2001", "乙", 4)
                .row("T2001-C", "T2001", "丙", "many")
                .row("T2001-D", "T2001", "丁", 5)
                .text();
        long before = Product.count();

        // when / then: line 4 of the file (the header is line 1)
        post("products", "text/csv", file).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].line", equalTo(4))
                .body("errors[0].field", equalTo("listedStock"))
                .body("errors[0].message", containsString("many"))
                .body("detail", containsString("Nothing was imported"));
        assertEquals(before, Product.count());
    }

    @Test
    void reimportingTheSameFileDuplicatesNothing() {
        String shops = "[{\"id\": \"T3001\", \"name\": \"重复店\", \"category\": \"杂货\"},\n"
                + " {\"id\": \"T3002\", \"name\": \"Second\", \"category\": \"Misc\"}]";
        post("shops", "application/json", shops).statusCode(200).body("created", equalTo(2));
        long count = Shop.count();
        post("shops", "application/json", shops).statusCode(200)
                .body("created", equalTo(0)).body("unchanged", equalTo(2));
        assertEquals(count, Shop.count());
    }

    @Test
    void chineseTextRoundTripsThroughCsvUnchanged() {
        String name = "北欧风·手工陶瓷碗（大号）\"限量\", 礼盒装";
        post("shops", "text/csv", "\uFEFF" + Csv.header("id", "name", "category").row("T4001", "瓷器坊", "家居").text())
                .statusCode(200);
        post("products", "text/csv", Csv.header("sku", "shopId", "name", "listedStock")
                .row("T4001-A", "T4001", name, 12).text()).statusCode(200);
        post("orders", "text/csv", Orders.header()
                .row("T4001-0001", "T4001", "T4001-A", name, 1, "88.50", "B-1", "上海 Shanghai",
                        "2026-11-01T10:00:00+08:00", "AWAITING_SHIPMENT", null, null, 12).text())
                .statusCode(200).body("created", equalTo(1));

        given().when().get("/api/orders/T4001-0001").then().statusCode(200)
                .body("order.productName", equalTo(name))
                .body("order.amount", equalTo(88.5f));
        given().queryParam("product", "手工陶瓷").when().get("/api/orders").then()
                .body("items.orderNo", hasItem("T4001-0001"));
    }

    @Test
    void ordersMustTellAPossibleStory() {
        long before = ShopOrder.count();
        post("orders", "text/csv", Orders.header()
                .row("T5001-0001", "S1001", "S1001-SKU-01", "x", 1, "10.00", "B-1", "北京 Beijing",
                        "2026-11-01T10:00:00+08:00", "DELIVERED", "2026-11-01T12:00:00+08:00", null, 5)
                .row("T5001-0002", "S1001", "S1002-SKU-01", "x", 1, "10.005", "B-1", "北京 Beijing",
                        "2026-11-01T10:00:00+08:00", "SHIPPED", "2026-10-01T12:00:00+08:00", null, 5)
                .text())
                .statusCode(400)
                .body("errors.find { it.line == 2 }.field", equalTo("deliveredAt"))
                .body("errors.findAll { it.line == 3 }.field", org.hamcrest.Matchers.hasItems("sku", "amount",
                        "shippedAt"));
        assertEquals(before, ShopOrder.count());
    }

    @Test
    void aBadRowAfterAWrittenChunkRollsBackTheChunksWrittenBeforeIt() {
        // given: more orders than a chunk of BulkWriter (written by COPY on PostgreSQL), the bad one after it
        post("shops", "text/csv", Csv.header("id", "name", "category").row("T9613", "回滚店", "杂货").text())
                .statusCode(200);
        post("products", "text/csv", Csv.header("sku", "shopId", "name", "listedStock").row("T9613-A", "T9613", "灯", 9)
                .text()).statusCode(200);
        Csv file = Orders.header();
        for (int i = 1; i <= BulkWriter.CHUNK + 500; i++) {
            file.row("T9613-" + i, "T9613", "T9613-A", "灯", 1, "10.00", "B-1", "上海 Shanghai",
                    "2026-11-20T10:00:00+08:00", i == BulkWriter.CHUNK + 400 ? "SHIPPED" : "AWAITING_SHIPMENT", null,
                    null, 9);
        }

        // when / then
        post("orders", "text/csv", file.text()).statusCode(400)
                .body("errors[0].line", equalTo(BulkWriter.CHUNK + 401))
                .body("errors[0].field", equalTo("shippedAt"));
        assertEquals(0L, ShopOrder.count("orderNo like ?1", "T9613-%"));
    }

    @Test
    void ordersAreUpdatedByTheirNumberAndMayMoveToAnotherShop() {
        post("shops", "text/csv", Csv.header("id", "name", "category").row("T9614", "甲店", "杂货").row("T9615", "乙店", "杂货")
                .text()).statusCode(200);
        post("products", "text/csv", Csv.header("sku", "shopId", "name", "listedStock").row("T9614-A", "T9614", "灯", 9)
                .row("T9615-A", "T9615", "灯", 9).text()).statusCode(200);
        String first = Orders.header()
                .row("T9614-1", "T9614", "T9614-A", "灯", 1, "10.00", "B-1", "上海 Shanghai", "2026-11-20T10:00:00+08:00",
                        "AWAITING_SHIPMENT", null, null, 9)
                .row("T9614-2", "T9614", "T9614-A", "灯\t\"引号\"", 2, "0.5", "B-2", "北京 Beijing",
                        "2026-11-20T10:00:00.123456+08:00", "DELIVERED", "2026-11-21T10:00:00+08:00",
                        "2026-11-22T10:00:00Z", 9).text();
        post("orders", "text/csv", first).statusCode(200).body("created", equalTo(2));
        post("orders", "text/csv", first).statusCode(200).body("unchanged", equalTo(2)).body("created", equalTo(0));
        post("orders", "text/csv", Orders.header()
                .row("T9614-1", "T9615", "T9615-A", "灯", 3, "10.00", "B-1", "上海 Shanghai", "2026-11-20T10:00:00+08:00",
                        "AWAITING_SHIPMENT", null, null, 9).text())
                .statusCode(200).body("updated", equalTo(1));
        ShopOrder moved = ShopOrder.findById("T9614-1");
        assertEquals("T9615", moved.shopId);
        assertEquals(3, moved.quantity);
        ShopOrder delivered = ShopOrder.findById("T9614-2");
        assertEquals("灯\t\"引号\"", delivered.productName);
        assertEquals(new java.math.BigDecimal("0.50"), delivered.amount);
        assertEquals(java.time.Instant.parse("2026-11-20T02:00:00.123456Z"), delivered.placedAt);
        assertEquals(java.time.Instant.parse("2026-11-22T10:00:00Z"), delivered.deliveredAt);
    }

    @Test
    void duplicateKeysInOneFileAreRefused() {
        post("shops", "text/csv", Csv.header("id", "name", "category").row("T6001", "a", "b").row("T6001", "c", "d")
                .text()).statusCode(400).body("errors[0].line", equalTo(3)).body("errors[0].message",
                        containsString("line 2"));
    }

    @Test
    void malformedFilesAndUnknownKindsAreProblems() {
        post("shops", "text/csv", Csv.header("id", "name", "colour").row("T7001", "a", "red").text())
                .statusCode(400).body("errors.field", hasItem("colour"));
        post("shops", "application/json", "{\"id\": 1}").statusCode(400).body("errors[0].field", equalTo("file"));
        post("shops", "application/json", "[{\"id\": ").statusCode(400).contentType("application/problem+json");
        post("shops", "text/csv", "id,name,category\n").statusCode(400).body("detail", containsString("no data rows"));
        post("planets", "text/csv", "id\nx\n").statusCode(404).contentType("application/problem+json");
        post("shops", "text/plain", "id\nx\n").statusCode(415).contentType("application/problem+json");
    }

    @Test
    void dryRunValidatesWithoutWriting() {
        long before = Shop.count();
        given().contentType("text/csv").queryParam("dryRun", true)
                .body(Csv.header("id", "name", "category").row("T8001", "a", "b").text())
                .when().post("/api/import/shops").then().statusCode(200).body("dryRun", equalTo(true));
        assertEquals(before, Shop.count());
    }

    @Test
    void aDryRunFlagThatIsNeitherTrueNorFalseIs400AndImportsNothing() {
        // found by InputFuzzResourceTest: "yes", "1" or "/" were read as false and the file was imported
        long before = Shop.count();
        for (String flag : List.of("yes", "1", "/")) {
            given().contentType("text/csv").queryParam("dryRun", flag)
                    .body(Csv.header("id", "name", "category").row("T8002", "a", "b").text())
                    .when().post("/api/import/shops").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("dryRun"));
        }
        given().contentType("text/csv").queryParam("dryRun", " TRUE ")
                .body(Csv.header("id", "name", "category").row("T8002", "a", "b").text())
                .when().post("/api/import/shops").then().statusCode(200).body("dryRun", equalTo(true));
        assertEquals(before, Shop.count());
    }

    @Test
    void anOrderOfAnotherShopsProductNamesTheSkuAndTheShopId() {
        given().contentType("text/csv").queryParam("dryRun", true)
                .body(Csv.header("orderNo", "shopId", "sku", "productName", "quantity", "amount", "buyerId",
                        "buyerRegion", "placedAt", "status", "shippedAt", "deliveredAt", "listedStockAtOrder")
                        .row("T8003-1", "S1002", "S1001-SKU-01", "p", 1, "1.00", "B-1", "r", "2026-11-20T10:00:00+08:00",
                                "AWAITING_SHIPMENT", null, null, 3).text())
                .when().post("/api/import/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("sku"))
                .body("errors[0].message", equalTo("sku 'S1001-SKU-01' belongs to shop 'S1001', not to the shopId 'S1002'"));
    }

    @RepeatedTest(10)
    void twoIdenticalImportsAtTheSameTimeBothSucceedAndStoreEveryRowOnce(RepetitionInfo repetition) throws Exception {
        // given: one file of new shops, sent twice at the same moment
        String prefix = "R" + repetition.getCurrentRepetition() + "-" + System.nanoTime() % 1_000_000 + "-";
        Csv file = Csv.header("id", "name", "category");
        for (int i = 0; i < RACE_ROWS; i++) {
            file.row(prefix + i, "并发店 " + i, "杂货");
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        try {
            List<Future<ExtractableResponse<Response>>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(two.submit(() -> {
                    together.await();
                    return given().contentType("text/csv; charset=UTF-8").body(file.text())
                            .when().post("/api/import/shops").then().extract();
                }));
            }
            for (Future<ExtractableResponse<Response>> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            two.shutdownNow();
        }

        // then: never a 5xx; a loser (if any) gets 409 problem+json; each row created exactly once
        int created = 0;
        for (ExtractableResponse<Response> answer : answers) {
            assertTrue(answer.statusCode() == 200 || answer.statusCode() == 409, "status " + answer.statusCode()
                    + ": " + answer.asString());
            if (answer.statusCode() == 200) {
                created += answer.jsonPath().getInt("created");
                assertEquals(RACE_ROWS, answer.jsonPath().getInt("created") + answer.jsonPath().getInt("updated")
                        + answer.jsonPath().getInt("unchanged"));
            } else {
                assertEquals("application/problem+json", answer.contentType());
            }
        }
        assertEquals(RACE_ROWS, created, "rows created over both answers");
        assertEquals(RACE_ROWS, Shop.count("id like ?1", prefix + "%"));
        // thousands of shops would crowd other tests' listings of every shop
        QuarkusTransaction.requiringNew().run(() -> Shop.delete("id like ?1", prefix + "%"));
    }

    /** Order files with the import's columns. */
    static final class Orders {
        static Csv header() {
            return Csv.header("orderNo", "shopId", "sku", "productName", "quantity", "amount", "buyerId",
                    "buyerRegion", "placedAt", "status", "shippedAt", "deliveredAt", "listedStockAtOrder");
        }
    }
}
