package dev.shophealth.cancellation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shophealth.decisionlog.DecisionLogEntry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every default screening rule driven through the HTTP API, plus intake checks, idempotency and the refund. */
@QuarkusTest
@Tag("persistence")
@TestSecurity(user = "li", roles = "ADMIN")
class CancellationResourceTest {

    private static String activeRevision() {
        return given().when().get("/api/rulesets/active").then().extract().path("revision");
    }

    private static String orderStatus(String orderNo) {
        return given().when().get("/api/orders/" + orderNo).then().extract().path("order.status");
    }

    @Test
    void theSeedExampleIsApprovedWithTheStockSyncAdviceAndRefunded() throws Exception {
        // the README's example request
        String body = java.nio.file.Files.readString(java.nio.file.Path.of("data/examples/cancel-seed-order.json"));
        String id = given().contentType("application/json").header("Idempotency-Key", "seed-example").body(body)
                .when().post("/api/cancellations").then()
                .statusCode(201)
                .header("Location", containsString("/api/cancellations/"))
                .body("orderNo", equalTo("DY1002009999"))
                .body("shopId", equalTo("S1002"))
                .body("status", equalTo("AUTO_APPROVED"))
                .body("screening.verdict", equalTo("APPROVE"))
                .body("screening.rulesetRevision", equalTo(activeRevision()))
                .body("screening.decisionId", notNullValue())
                .body("screening.findings.code", hasItem("STOCK_SYNC_GAP"))
                .body("screening.findings.find { it.code == 'STOCK_SYNC_GAP' }.message",
                        containsString("listed 10 pieces"))
                .body("screening.suggestions.code", contains("SYNC_INVENTORY_REALTIME", "REGULAR_STOCKTAKE"))
                .body("screening.firedRules.id", hasItem("VAL-OOS-02"))
                .body("refund.amount", equalTo(632.0f))
                .body("refund.destination", equalTo("BUYER_PAYMENT_ACCOUNT"))
                .extract().path("id");
        assertEquals("CANCELLED", orderStatus("DY1002009999"));

        // the decision log holds the facts as evaluated, in the same transaction
        String decisionId = given().when().get("/api/cancellations/" + id).then().statusCode(200)
                .extract().path("screening.decisionId");
        DecisionLogEntry row = DecisionLogEntry.findById(decisionId);
        assertEquals(activeRevision(), row.rulesetRevision);
        assertTrue(row.input.contains("\"warehouseStock\":5"), row.input);
        assertTrue(row.firedRules.contains("VAL-OOS-02"), row.firedRules);
    }

    @Test
    void messagesFollowAcceptLanguage() {
        ShopFixture.shop("T9101").product("T9101-A", 10).order("T9101-1", "T9101-A", 8, 10).load();
        Requests.outOfStock("T9101-1").warehouseStock(5).inChinese().post().statusCode(201)
                .body("screening.findings.find { it.code == 'STOCK_SYNC_GAP' }.message",
                        containsString("后台显示库存 10 件"))
                .body("screening.findings.find { it.code == 'BUYER_NOT_CONTACTED' }.message",
                        containsString("没有与买家沟通的记录"))
                .body("screening.suggestions.code", hasItem("CONTACT_BUYER"));
    }

    @Test
    void outOfStockWithEnoughInTheWarehouseIsRejected() {
        ShopFixture.shop("T9102").product("T9102-A", 40).order("T9102-1", "T9102-A", 3, 40)
                .stockCount("T9102-A", 12, Duration.ofHours(2)).load();
        Requests.outOfStock("T9102-1").contacted().post().statusCode(201)
                .body("status", equalTo("AUTO_REJECTED"))
                .body("screening.verdict", equalTo("REJECT"))
                .body("screening.findings.code", hasItem("STOCK_SUFFICIENT"))
                .body("refund", equalTo(null));
        assertEquals("AWAITING_SHIPMENT", orderStatus("T9102-1"));
    }

    @Test
    void withoutEvidenceAPersonDecidesAndAnApprovalCancelsAndRefunds() {
        ShopFixture.shop("T9103").product("T9103-A", 10).order("T9103-1", "T9103-A", 2, 10).load();
        String id = Requests.outOfStock("T9103-1").contacted().post().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("screening.findings.code", hasItem("EVIDENCE_MISSING"))
                .extract().path("id");
        Requests.outOfStock("T9103-1").contacted().post().statusCode(409).contentType("application/problem+json");

        given().queryParam("status", "PENDING_REVIEW").queryParam("shopId", "T9103").when().get("/api/cancellations")
                .then().statusCode(200).body("items.id", contains(id)).body("items[0].waitingSeconds", notNullValue());

        given().contentType("application/json").body("{\"verdict\": \"APPROVE\", \"note\": \"仓库确认缺货\"}")
                .when().post("/api/cancellations/" + id + "/review").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("reviewer:li"))
                .body("reviewNote", equalTo("仓库确认缺货")).body("refund.amount", equalTo(88.5f));
        assertEquals("CANCELLED", orderStatus("T9103-1"));
        // a reviewer decided within 24 hours: the pace is known, so a pending request gets an expected time
        ShopFixture.shop("T9103").order("T9103-2", "T9103-A", 2, 10).load();
        Requests.outOfStock("T9103-2").contacted().post().statusCode(201).body("status", equalTo("PENDING_REVIEW"))
                .body("expectedDecision.expectedAt", notNullValue());
        given().contentType("application/json").body("{\"verdict\": \"REJECT\"}")
                .when().post("/api/cancellations/" + id + "/review").then().statusCode(409);
    }

    @Test
    void aReviewerCanRejectAndTheOrderStays() {
        ShopFixture.shop("T9104").product("T9104-A", 10).order("T9104-1", "T9104-A", 2, 10).load();
        String id = Requests.of("T9104-1", "OTHER").detail("买家要求改送到我们不配送的城市，无法发货 Buyer wants a city we cannot reach")
                .contacted().post().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW")).body("screening.findings.code", hasItem("OTHER_REASON"))
                .extract().path("id");
        given().contentType("application/json").body("{\"verdict\": \"MAYBE\"}")
                .when().post("/api/cancellations/" + id + "/review").then().statusCode(400)
                .body("errors[0].field", equalTo("verdict"));
        given().contentType("application/json").body("{\"verdict\": \"REJECT\", \"note\": \"ship it\"}")
                .when().post("/api/cancellations/" + id + "/review").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("refund", equalTo(null));
        assertEquals("AWAITING_SHIPMENT", orderStatus("T9104-1"));
    }

    @Test
    void qualityIssuesNeedARecentFailedInspection() {
        ShopFixture.shop("T9105").product("T9105-A", 50).product("T9105-B", 50)
                .order("T9105-1", "T9105-A", 1, 50).order("T9105-2", "T9105-B", 1, 50)
                .inspection("QI-T9105-A", "T9105-A", "FAIL", Duration.ofDays(3))
                .inspection("QI-T9105-B", "T9105-B", "FAIL", Duration.ofDays(40)).load();
        Requests.of("T9105-1", "QUALITY_ISSUE").evidence("inspectionId", "QI-T9105-A").contacted().post()
                .statusCode(201).body("screening.verdict", equalTo("APPROVE"))
                .body("screening.findings.code", hasItem("QUALITY_DEFECT_CONFIRMED"))
                .body("screening.suggestions.code", hasItem("QC_PROCESS"));
        Requests.of("T9105-2", "QUALITY_ISSUE").contacted().post().statusCode(201)
                .body("screening.verdict", equalTo("MANUAL_REVIEW"))
                .body("screening.findings.code", hasItem("EVIDENCE_MISSING"));
    }

    @Test
    void logisticsExceptionsNeedAnEventOnTheOrderOrADisruptionInTheRegion() {
        ShopFixture.shop("T9106").product("T9106-A", 80)
                .order("T9106-1", "T9106-A", 1, 80, "上海 Shanghai", "SHIPPED", Duration.ofDays(4))
                // the disruption came after this order was placed (issue 12: one before the order does not count)
                .order("T9106-2", "T9106-A", 1, 80, "西藏 Tibet", "AWAITING_SHIPMENT", Duration.ofDays(4))
                .order("T9106-3", "T9106-A", 1, 80, "海南 Hainan", "AWAITING_SHIPMENT", Duration.ofDays(1))
                .logistics("LE-T9106-1", "T9106-1", null, "LOST", Duration.ofDays(2))
                .logistics("LE-T9106-R", null, "西藏 Tibet", "DISRUPTION", Duration.ofDays(3)).load();
        Requests.of("T9106-1", "LOGISTICS_EXCEPTION").contacted().post().statusCode(201)
                .body("screening.verdict", equalTo("APPROVE"))
                .body("screening.findings.code", hasItem("LOGISTICS_EVENT_CONFIRMED"))
                .body("screening.suggestions.code", hasItem("LOGISTICS_PARTNER"));
        Requests.of("T9106-2", "LOGISTICS_EXCEPTION").contacted().post().statusCode(201)
                .body("screening.verdict", equalTo("APPROVE"))
                .body("screening.findings.code", hasItem("REGION_DISRUPTION_CONFIRMED"));
        Requests.of("T9106-3", "LOGISTICS_EXCEPTION").contacted().post().statusCode(201)
                .body("screening.verdict", equalTo("MANUAL_REVIEW"))
                .body("screening.findings.code", hasItem("EVIDENCE_MISSING"));
    }

    @Test
    void aVagueOtherReasonIsRejected() {
        ShopFixture.shop("T9107").product("T9107-A", 9).order("T9107-1", "T9107-A", 1, 9).load();
        Requests.of("T9107-1", "OTHER").detail("有事").contacted().post().statusCode(201)
                .body("screening.verdict", equalTo("REJECT"))
                .body("screening.findings.code", hasItem("DETAIL_TOO_VAGUE"));
    }

    @Test
    void frequentCancellationsWarnThenGoToAPersonAndRepeatedReasonsAreNamed() {
        // given: 40 orders this week, the warehouse short of every one
        ShopFixture shop = ShopFixture.shop("T9108").product("T9108-A", 100);
        for (int i = 1; i <= 40; i++) {
            shop.order("T9108-" + i, "T9108-A", 8, 100);
        }
        shop.stockCount("T9108-A", 2, Duration.ofHours(3)).load();

        // when / then: the 1st is 2.5 % (warning level), the 2nd 5 %, the 4th 10 % (critical) and a pattern
        Requests.outOfStock("T9108-1").contacted().post().statusCode(201)
                .body("screening.findings.code", hasItem("HIGH_CANCELLATION_RATE"))
                .body("screening.verdict", equalTo("APPROVE"));
        Requests.outOfStock("T9108-2").contacted().post().statusCode(201)
                .body("screening.findings.find { it.code == 'HIGH_CANCELLATION_RATE' }.evidence.cancellations", equalTo(2))
                .body("screening.findings.code", not(hasItem("REPEATED_REASON")));
        Requests.outOfStock("T9108-3").contacted().post().statusCode(201)
                .body("screening.findings.code", hasItem("REPEATED_REASON"));
        Requests.outOfStock("T9108-4").contacted().post().statusCode(201)
                .body("screening.verdict", equalTo("MANUAL_REVIEW"))
                .body("status", equalTo("PENDING_REVIEW"))
                .body("screening.findings.code", hasItems("CRITICAL_CANCELLATION_RATE", "REPEATED_REASON"))
                .body("screening.suggestions.code", hasItems("SYNC_INVENTORY_REALTIME", "REGULAR_STOCKTAKE"));
    }

    @Test
    void badRequestsAreProblemsAndWriteNothing() {
        ShopFixture.shop("T9109").product("T9109-A", 9).order("T9109-1", "T9109-A", 1, 9)
                .order("T9109-2", "T9109-A", 1, 9, ShopFixture.REGION, "DELIVERED", Duration.ofDays(6)).load();
        long requests = Cancellation.count();
        long decisions = DecisionLogEntry.count();

        Requests.outOfStock("NO-SUCH-ORDER").post().statusCode(404).contentType("application/problem+json");
        Requests.outOfStock("T9109-2").post().statusCode(409).body("detail", containsString("DELIVERED"));
        Requests.of("T9109-1", null).post().statusCode(400).body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", containsString("OUT_OF_STOCK"));
        Requests.of("T9109-1", "BORED").post().statusCode(400).body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", containsString("LOGISTICS_EXCEPTION"));
        Requests.of("T9109-1", "OTHER").post().statusCode(400).body("errors[0].field", equalTo("detail"));
        Requests.outOfStock("T9109-1").key(null).post().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        Requests.outOfStock("T9109-1").set("buyerContact", java.util.Map.of("channel", "FAX", "contactedAt", "soon",
                "summary", "x")).post().statusCode(400)
                .body("errors.field", hasItems("buyerContact.channel", "buyerContact.contactedAt"));
        Requests.outOfStock("T9109-1").warehouseStock(-1).post().statusCode(400)
                .body("errors[0].field", equalTo("evidence.warehouseStock"));
        Requests.outOfStock("T9109-1").evidence("inspectionId", "QI-NOPE").post().statusCode(400)
                .body("errors[0].field", equalTo("evidence.inspectionId"));
        Requests.outOfStock("T9109-1").evidence("warehouseStock", "many").post().statusCode(400)
                .body("errors[0].field", equalTo("evidence.warehouseStock"));

        assertEquals(requests, Cancellation.count());
        assertEquals(decisions, DecisionLogEntry.count());
        assertEquals("AWAITING_SHIPMENT", orderStatus("T9109-1"));
    }

    @Test
    void theSameKeyReplaysTheFirstAnswerAndAnotherBodyIsRefused() {
        ShopFixture.shop("T9110").product("T9110-A", 10).order("T9110-1", "T9110-A", 8, 10)
                .order("T9110-2", "T9110-A", 8, 10).load();
        String first = Requests.outOfStock("T9110-1").warehouseStock(5).contacted().key("key-T9110").post()
                .statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");
        long count = Cancellation.count();
        Requests.outOfStock("T9110-1").warehouseStock(5).contacted().key("key-T9110").post()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertEquals(count, Cancellation.count());
        Requests.outOfStock("T9110-2").warehouseStock(5).contacted().key("key-T9110").post()
                .statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(count, Cancellation.count());
    }

    @Test
    void recordsDownloadAsASpreadsheetWithChineseText() {
        ShopFixture.shop("T9111").product("T9111-A", 10).order("T9111-1", "T9111-A", 8, 10).load();
        Requests.of("T9111-1", "OTHER").detail("包装印刷错误，需要召回重新包装 Misprinted packaging, recalled")
                .contacted().post().statusCode(201);
        String csv = given().when().get("/api/shops/T9111/cancellations.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("T9111"))
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFForderNo,reason,detail,submittedAt"), csv);
        assertTrue(csv.contains("T9111-1,OTHER,\"包装印刷错误，需要召回重新包装 Misprinted packaging, recalled\""), csv);
        assertTrue(csv.contains("PHONE") && csv.contains("COUPON"), csv);
        given().when().get("/api/shops/NOPE/cancellations.csv").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void recordsAreForPeople_theirLanguageTheirZoneMinutesADateFilterAndNoFormulas() {
        ShopFixture.shop("T9112").product("T9112-A", 10).order("T9112-1", "T9112-A", 2, 10)
                .order("T9112-2", "T9112-A", 2, 10).load();
        Requests.of("T9112-1", "OTHER").detail("=HYPERLINK(\"http://evil.example\",\"点击这里查看详情 click here\")")
                .contacted().post().statusCode(201);
        String zh = given().header("Accept-Language", "zh-CN").when().get("/api/shops/T9112/cancellations.csv")
                .then().statusCode(200).extract().asString();
        assertTrue(zh.startsWith("\uFEFF订单号,取消原因,说明,申请时间,处理时间,处理时长（分钟）"), zh);
        // times in the platform's zone (Asia/Shanghai) with their offset, never UTC's Z; a formula is only text
        String row = zh.lines().filter(l -> l.startsWith("T9112-1")).findFirst().orElseThrow();
        assertTrue(row.contains("+08:00") && !row.contains("Z,"), row);
        assertTrue(row.contains("\"'=HYPERLINK("), row);
        // a day filter in the platform's zone: nothing was submitted before 2020
        String old = given().queryParam("to", "2020-01-01").when().get("/api/shops/T9112/cancellations.csv")
                .then().statusCode(200).extract().asString();
        assertEquals(1, old.lines().count(), old);
        given().queryParam("from", "yesterday").when().get("/api/shops/T9112/cancellations.csv").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("from", "2026-12-01").queryParam("to", "2026-11-01").when()
                .get("/api/shops/T9112/cancellations.csv").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void theQueueFiltersAndValidates() {
        given().queryParam("status", "WAITING").when().get("/api/cancellations").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().when().get("/api/cancellations/nope").then().statusCode(404);
        given().queryParam("status", "AUTO_APPROVED").queryParam("size", 5).when().get("/api/cancellations")
                .then().statusCode(200).body("items.status", not(hasItem("PENDING_REVIEW")));
    }

    @Test
    void aDeclaredShortageThatThePlatformsCountContradictsIsNotApproved() {
        // given: issue 12 — the platform counted 144 pieces seven days ago; an old count proves nothing
        ShopFixture.shop("T9120").product("T9120-A", 150).order("T9120-1", "T9120-A", 1, 150)
                .stockCount("T9120-A", 144, Duration.ofDays(7)).product("T9120-B", 150)
                .order("T9120-2", "T9120-B", 1, 150).stockCount("T9120-B", 144, Duration.ofDays(60)).load();

        // when / then: the merchant declares 0
        Requests.outOfStock("T9120-1").warehouseStock(0).contacted().post().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("screening.findings.code", hasItem("EVIDENCE_CONTRADICTED"))
                .body("screening.findings.find { it.code == 'EVIDENCE_CONTRADICTED' }.message",
                        containsString("counted 144 pieces 7 days ago"))
                .body("refund", equalTo(null));
        assertEquals("AWAITING_SHIPMENT", orderStatus("T9120-1"));
        // without a declaration, a count older than stockCountMaxAgeDays is no evidence: a person decides
        Requests.outOfStock("T9120-2").contacted().post().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("screening.findings.code", hasItem("EVIDENCE_MISSING"));
    }

    @Test
    void aDisruptionBeforeTheOrderWasPlacedDoesNotApproveItsCancellation() {
        // given: the storm hit the buyer's region three days before the order was placed (a day ago)
        ShopFixture.shop("T9121").product("T9121-A", 50)
                .order("T9121-1", "T9121-A", 1, 50, ShopFixture.REGION, "AWAITING_SHIPMENT", Duration.ofDays(1))
                .logistics("T9121-E1", null, ShopFixture.REGION, "DISRUPTION", Duration.ofDays(4)).load();

        // when / then
        Requests.of("T9121-1", "LOGISTICS_EXCEPTION").contacted().post().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("screening.findings.code", hasItems("EVIDENCE_MISSING", "DISRUPTION_BEFORE_ORDER"))
                .body("screening.findings.code", not(hasItem("REGION_DISRUPTION_CONFIRMED")));
    }

    @Test
    void otherIsJudgedByContentAndTheBuyerContactMustBeRealAndDated() {
        // given
        ShopFixture.shop("T9122").product("T9122-A", 9).order("T9122-1", "T9122-A", 1, 9)
                .order("T9122-2", "T9122-A", 1, 9).order("T9122-3", "T9122-A", 1, 9).order("T9122-4", "T9122-A", 1, 9)
                .load();

        // when / then: a meaningful 16-character Chinese explanation goes to a person, twenty 'a's are rejected
        Requests.of("T9122-1", "OTHER").detail("仓库漏水导致整批货物受潮无法发货").contacted().post().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("screening.findings.code", hasItem("OTHER_REASON"))
                .body("screening.findings.code", not(hasItem("DETAIL_TOO_VAGUE")))
                // a pending request says when its decision is expected: the queue up to it over the reviewers' pace
                .body("expectedDecision.queueAhead", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("expectedDecision.reviewsPerHour", notNullValue());
        Requests.of("T9122-2", "OTHER").detail("a".repeat(20)).contacted().post().statusCode(201)
                .body("status", equalTo("AUTO_REJECTED"))
                .body("screening.findings.code", hasItem("DETAIL_TOO_VAGUE"))
                .body("expectedDecision", equalTo(null));
        // a contact "x" is no contact: with requireBuyerContact a person decides
        Requests.outOfStock("T9122-3").warehouseStock(0).set("buyerContact", java.util.Map.of("channel", "PHONE",
                "contactedAt", "2026-11-25T10:00:00+08:00", "summary", "x")).post().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("screening.findings.code", hasItems("CONTACT_TOO_VAGUE", "BUYER_CONTACT_REQUIRED"));
        // a contact dated in the future is refused and nothing is written
        Requests.outOfStock("T9122-4").warehouseStock(0).set("buyerContact", java.util.Map.of("channel", "PHONE",
                "contactedAt", "2030-01-01T10:00:00+08:00", "summary", "已致电买家说明缺货并致歉")).post()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("buyerContact.contactedAt"));
        // the compensation is recorded in the decision
        Requests.outOfStock("T9122-4").warehouseStock(0).contacted().post().statusCode(201)
                .body("status", equalTo("AUTO_APPROVED"))
                .body("screening.findings.code", hasItem("BUYER_COMPENSATED"));
    }
}
