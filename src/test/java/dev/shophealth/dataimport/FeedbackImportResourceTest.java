package dev.shophealth.dataimport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shophealth.cancellation.ShopDayCounts;
import dev.shophealth.order.Complaint;
import dev.shophealth.order.LogisticsEvent;
import dev.shophealth.order.QualityInspection;
import dev.shophealth.order.Review;
import dev.shophealth.order.StockCount;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The feedback kinds go in by COPY (JDBC batches on H2), chunk by chunk, like orders: still all or nothing, still an
 * upsert by the natural key, still recounting the day counts of the shops they touch.
 */
@QuarkusTest
@Tag("persistence")
@TestSecurity(user = "admin", roles = "ADMIN")
class FeedbackImportResourceTest {

    private static final int LARGE = BulkWriter.CHUNK + 500;

    @Inject
    ShopDayCounts dayCounts;

    private static ValidatableResponse post(String kind, String body) {
        return given().contentType("text/csv; charset=UTF-8").body(body).when().post("/api/import/" + kind).then();
    }

    /** A shop with one product and {@code orders} orders numbered {@code <shop>-1...}, placed on 2026-11-01. */
    private static void shopWithOrders(String shop, int orders) {
        post("shops", Csv.header("id", "name", "category").row(shop, "反馈店", "杂货").text()).statusCode(200);
        post("products", Csv.header("sku", "shopId", "name", "listedStock").row(shop + "-A", shop, "灯", 9).text())
                .statusCode(200);
        Csv file = ImportResourceTest.Orders.header();
        for (int i = 1; i <= orders; i++) {
            file.row(shop + "-" + i, shop, shop + "-A", "灯", 1, "10.00", "B-1", "上海 Shanghai",
                    "2026-11-01T10:00:00+08:00", "DELIVERED", "2026-11-02T10:00:00+08:00", "2026-11-03T10:00:00+08:00", 9);
        }
        post("orders", file.text()).statusCode(200).body("created", equalTo(orders));
    }

    private long differences() {
        return QuarkusTransaction.requiringNew().call(dayCounts::differences);
    }

    @Test
    void aBadReviewAfterAWrittenChunkWritesNothing() {
        // given: more reviews than a chunk, the chunk before the bad one already written
        String shop = "T9801";
        shopWithOrders(shop, LARGE);
        Csv reviews = Csv.header("orderNo", "stars", "text", "reviewedAt");
        for (int i = 1; i <= LARGE; i++) {
            reviews.row(shop + "-" + i, i == BulkWriter.CHUNK + 400 ? 9 : 1 + i % 5, "评价 " + i,
                    "2026-11-05T10:00:00+08:00");
        }

        // when / then: the bad row names its line and field; nothing of the file is stored
        post("reviews", reviews.text()).statusCode(400).contentType("application/problem+json")
                .body("errors[0].line", equalTo(BulkWriter.CHUNK + 401))
                .body("errors[0].field", equalTo("stars"));
        assertEquals(0L, Review.count("orderNo like ?1", shop + "-%"));
        assertEquals(0, differences());
    }

    @Test
    void aReviewOfAnUnknownOrderOrBeforeItsOrderWasPlacedIsRefused() {
        String shop = "T9802";
        shopWithOrders(shop, 3);
        post("reviews", Csv.header("orderNo", "stars", "text", "reviewedAt")
                .row(shop + "-1", 5, "好", "2026-11-05T10:00:00+08:00")
                .row(shop + "-99", 5, "好", "2026-11-05T10:00:00+08:00")
                .row(shop + "-2", 5, "好", "2026-10-01T10:00:00+08:00").text())
                .statusCode(400)
                .body("errors[0].line", equalTo(3)).body("errors[0].field", equalTo("orderNo"))
                .body("errors[1].line", equalTo(4)).body("errors[1].field", equalTo("reviewedAt"));
        assertEquals(0L, Review.count("orderNo like ?1", shop + "-%"));
    }

    @Test
    void reimportingEachFeedbackKindKeepsTheSameRecordsAndAChangedRowIsUpdated() {
        // given
        String shop = "T9803";
        shopWithOrders(shop, 4);
        String sku = shop + "-A";
        String stock = Csv.header("sku", "countedQuantity", "countedAt").row(sku, 3, "2026-11-04T10:00:00+08:00")
                .row(sku, 5, "2026-11-05T10:00:00+08:00").text();
        String inspections = Csv.header("inspectionId", "sku", "batch", "result", "defect", "inspectedAt")
                .row(shop + "-I1", sku, "B1", "FAIL", "裂纹\t\"crack\"\\", "2026-11-04T10:00:00+08:00")
                .row(shop + "-I2", sku, "B2", "PASS", null, "2026-11-05T10:00:00.123456+08:00").text();
        String events = Csv.header("eventId", "orderNo", "region", "kind", "detail", "occurredAt")
                .row(shop + "-L1", shop + "-1", null, "DELAY", "晚到", "2026-11-04T10:00:00+08:00")
                .row(shop + "-L2", null, "四川 Sichuan", "DELAY", "暴雨", "2026-11-04T10:00:00+08:00").text();
        String reviews = Csv.header("orderNo", "stars", "text", "reviewedAt")
                .row(shop + "-1", 1, "差\n很差", "2026-11-05T10:00:00+08:00")
                .row(shop + "-2", 4, null, "2026-11-05T10:00:00+08:00").text();
        String complaints = Csv.header("orderNo", "text", "complainedAt")
                .row(shop + "-1", "没发货", "2026-11-04T10:00:00+08:00")
                .row(shop + "-1", "还没发货", "2026-11-05T10:00:00+08:00").text();
        String[][] files = {{"stock-counts", stock}, {"inspections", inspections}, {"logistics-events", events},
                {"reviews", reviews}, {"complaints", complaints}};

        // when / then: each file twice, the second time changing nothing
        for (String[] f : files) {
            post(f[0], f[1]).statusCode(200).body("created", equalTo(2));
            post(f[0], f[1]).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0))
                    .body("unchanged", equalTo(2));
        }
        assertEquals(2L, StockCount.count("sku", sku));
        assertEquals(2L, QualityInspection.count("inspectionId like ?1", shop + "-%"));
        assertEquals(2L, LogisticsEvent.count("eventId like ?1", shop + "-%"));
        assertEquals(2L, Review.count("orderNo like ?1", shop + "-%"));
        assertEquals(2L, Complaint.count("orderNo like ?1", shop + "-%"));
        QualityInspection crack = QualityInspection.findById(shop + "-I1");
        assertEquals("裂纹\t\"crack\"\\", crack.defect);
        Review bad = Review.findById(shop + "-1");
        assertEquals("差\n很差", bad.text);
        assertEquals(0, differences());

        // a changed row is updated by its natural key, the other one left as it is
        post("stock-counts", Csv.header("sku", "countedQuantity", "countedAt").row(sku, 7, "2026-11-05T10:00:00+08:00")
                .row(sku, 3, "2026-11-04T10:00:00+08:00").text())
                .statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        post("complaints", Csv.header("orderNo", "text", "complainedAt")
                .row(shop + "-1", "已退款", "2026-11-05T10:00:00+08:00").text())
                .statusCode(200).body("updated", equalTo(1));
        post("reviews", Csv.header("orderNo", "stars", "text", "reviewedAt")
                .row(shop + "-2", 1, "坏了", "2026-11-06T10:00:00+08:00").text())
                .statusCode(200).body("updated", equalTo(1));
        post("inspections", Csv.header("inspectionId", "sku", "batch", "result", "defect", "inspectedAt")
                .row(shop + "-I2", sku, "B2", "FAIL", "划痕", "2026-11-05T10:00:00.123456+08:00").text())
                .statusCode(200).body("updated", equalTo(1));
        post("logistics-events", Csv.header("eventId", "orderNo", "region", "kind", "detail", "occurredAt")
                .row(shop + "-L2", shop + "-3", null, "LOST", "丢了", "2026-11-04T10:00:00+08:00").text())
                .statusCode(200).body("updated", equalTo(1));
        assertEquals(1L, StockCount.count("sku = ?1 and countedQuantity = 7", sku));
        assertEquals(1L, Complaint.count("orderNo = ?1 and text = ?2", shop + "-1", "已退款"));
        assertEquals(1, Review.<Review>findById(shop + "-2").stars);
        LogisticsEvent moved = LogisticsEvent.findById(shop + "-L2");
        assertEquals(shop + "-3", moved.orderNo);
        assertEquals(null, moved.region);
        // the day counts follow: a second negative review, a second failed inspection, an incident more
        assertEquals(0, differences());
    }
}
