package dev.shophealth.shophealth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shophealth.decisionlog.DecisionLog;
import dev.shophealth.decisionlog.DecisionLogEntry;
import dev.shophealth.ruleset.engine.Evaluation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A health read reflects every committed write: nothing it reads once (the shop, the latest decision-log row) is
 * kept, and its remembered texts follow the evidence. Shops S7131–S7133 are this test's own.
 */
@QuarkusTest
@Tag("persistence")
@TestSecurity(user = "admin", roles = "ADMIN")
class HealthReadCurrencyTest {

    private static final Pattern MISSING = Pattern.compile("needs (\\d+) more");

    @Inject
    DecisionLog log;

    @Test
    void aShopImportedAfterA404IsFoundByTheNextRead() {
        given().when().get("/api/shops/S7131/health").then().statusCode(404);
        shopWithOrders("S7131", 1);
        given().when().get("/api/shops/S7131/health").then().statusCode(200);
    }

    @Test
    void aNewOrderChangesTheRenderedTextInEveryLanguage() {
        // given: a shop below the rating gate, read in both languages (each text rendered and remembered)
        shopWithOrders("S7132", 3);
        int missing = missing(health("S7132", "en"));
        String zh = notYetRated(health("S7132", "zh-CN"));
        // when: one more order is committed
        importOrders("S7132", 4, 4);
        // then: the same codes, new evidence: the texts are rendered anew
        assertEquals(missing - 1, missing(health("S7132", "en")));
        String zhAfter = notYetRated(health("S7132", "zh-CN"));
        assertNotEquals(zh, zhAfter);
        assertTrue(zhAfter.contains(String.valueOf(missing - 1)), zhAfter);
    }

    @Test
    void aRowAnotherInstanceRecordedIsTheOneTheNextReadNames() {
        // given
        shopWithOrders("S7133", 2);
        String first = health("S7133", "en").getString("decisionId");
        Evaluation outcome = log.output(first);
        // when: another instance records the same outcome later: the read names that newer row
        String same = recordAsAnotherInstance("S7133", outcome);
        assertEquals(same, health("S7133", "en").getString("decisionId"));
        // when: another instance records a different outcome: the read records its own again, once
        Evaluation other = new Evaluation(outcome.rulesetRevision(), outcome.verdict(), outcome.votes(),
                outcome.findings(), outcome.suggestions(), outcome.score() + 1, outcome.scoreBreakdown(),
                outcome.consequences(), outcome.firedRules(), outcome.consideredNotFired(), outcome.firings(),
                outcome.error());
        String different = recordAsAnotherInstance("S7133", other);
        long rows = rows("S7133");
        String recorded = health("S7133", "en").getString("decisionId");
        assertTrue(!Set.of(first, same, different).contains(recorded), recorded);
        assertEquals(rows + 1, rows("S7133"));
        assertEquals(recorded, health("S7133", "en").getString("decisionId"));
        assertEquals(rows + 1, rows("S7133"));
    }

    private String recordAsAnotherInstance(String shopId, Evaluation evaluation) {
        Instant at = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> log.record(DecisionLog.Kind.SHOP_HEALTH, shopId,
                HealthReports.given(List.of()), evaluation, at));
    }

    private static long rows(String shopId) {
        return QuarkusTransaction.requiringNew().call(() -> DecisionLogEntry.count(
                "kind = 'SHOP_HEALTH' and subject = ?1", shopId));
    }

    private static JsonPath health(String shopId, String language) {
        return given().header("Accept-Language", language).when().get("/api/shops/" + shopId + "/health")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String notYetRated(JsonPath h) {
        return h.getString("findings.find { it.code == 'NOT_YET_RATED' }.message");
    }

    private static int missing(JsonPath h) {
        Matcher m = MISSING.matcher(notYetRated(h));
        assertTrue(m.find(), notYetRated(h));
        return Integer.parseInt(m.group(1));
    }

    private static void shopWithOrders(String shopId, int orders) {
        post("shops", "id,name,category\n" + shopId + ",Currency test,Test\n");
        post("products", "sku,shopId,name,listedStock\n" + shopId + "-A," + shopId + ",Item,100\n");
        importOrders(shopId, 1, orders);
    }

    /** Orders {@code from}…{@code to} of a shop, placed a day ago and delivered. */
    private static void importOrders(String shopId, int from, int to) {
        Instant placed = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder csv = new StringBuilder("orderNo,shopId,sku,productName,quantity,amount,buyerId,buyerRegion,"
                + "placedAt,status,shippedAt,deliveredAt,listedStockAtOrder\n");
        for (int i = from; i <= to; i++) {
            csv.append(shopId).append("-").append(i).append(",").append(shopId).append(",").append(shopId)
                    .append("-A,Item,1,10.00,B-").append(i).append(",上海 Shanghai,").append(placed)
                    .append(",AWAITING_SHIPMENT,,,100\n");
        }
        post("orders", csv.toString());
    }

    private static void post(String kind, String csv) {
        given().contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/import/" + kind).then()
                .statusCode(200);
    }
}
