package dev.shophealth.cancellation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shophealth.fact.ShopWindowFact;
import dev.shophealth.ruleset.RulesetRegistry;
import dev.shophealth.shophealth.HealthWindows;
import dev.shophealth.shophealth.MetricsQueries;
import dev.shophealth.shophealth.RawMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The per-day counts kept by each write equal a count from the raw records (a rebuild), and the windows read from
 * them equal the windows counted from the raw records, at any date: now, in the past before a decision was made, on
 * a record's own time and a window's length after it.
 */
@QuarkusTest
@Tag("persistence")
@TestSecurity(user = "li", roles = "ADMIN")
class ShopDayCountsTest {

    private static final String SHOP = "T9701";

    @Inject
    ShopDayCounts counts;
    @Inject
    MetricsQueries metrics;
    @Inject
    RawMetrics rawMetrics;
    @Inject
    ReviewQueueCount queue;
    @Inject
    ShopDayCountReader reader;
    @Inject
    RulesetRegistry registry;
    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void aScreeningReadsTheSameWindowsAsTheRawCountOnTheSample() {
        HealthWindows lengths = HealthWindows.of(registry.active().orElseThrow().parameters().parameters());
        Instant at = Instant.now();
        for (String shop : List.of("S1001", "S1002", "S1003")) {
            List<ShopWindowFact> raw = QuarkusTransaction.requiringNew().call(() -> rawMetrics.rawWindows(shop, at, lengths))
                    .get(shop);
            assertEquals(raw.get(1).orders(), screeningOrders(shop, at, lengths)[1], shop + ": the long window's orders");
            assertEquals(raw.get(0).orders(), screeningOrders(shop, at, lengths)[0], shop + ": the short window's orders");
        }
        // and as a screening states them, with its own windows (short, long, and the longer of the two as the span):
        // its rate findings name the windows' orders and cancellations
        // an order of its own in the sample shop S1002 (the sample's orders are other tests' to cancel)
        Map<String, Object> order = new java.util.HashMap<>(Map.of("orderNo", "T9799-S1002", "shopId", "S1002",
                "sku", "S1002-SKU-05", "productName", "Test", "quantity", 8, "amount", "632.00", "buyerId", "B-T9799",
                "buyerRegion", ShopFixture.REGION, "placedAt", Instant.now().minus(Duration.ofHours(30)).toString(),
                "status", "AWAITING_SHIPMENT"));
        order.put("listedStockAtOrder", 10);
        importJson("orders", List.of(order));
        Map<String, List<ShopWindowFact>> raw = QuarkusTransaction.requiringNew().call(() -> rawMetrics.rawWindows("S1002",
                Instant.now(), lengths));
        var answer = given().contentType("application/json").header("Idempotency-Key", "sdc-T9799-S1002")
                .body(Map.of("orderNo", "T9799-S1002", "reason", "OUT_OF_STOCK", "evidence", Map.of("warehouseStock", 5)))
                .when().post("/api/cancellations").then().statusCode(201).extract();
        List<Map<String, Object>> findings = answer.path("screening.findings");
        List<Map<String, Object>> rates = findings.stream().filter(f -> f.get("code").equals("HIGH_CANCELLATION_RATE"))
                .toList();
        assertEquals(2, rates.size(), "both windows above the warning level: " + findings);
        for (int w = 0; w < 2; w++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> evidence = (Map<String, Object>) rates.get(w).get("evidence");
            ShopWindowFact window = raw.get("S1002").get(w);
            assertEquals(window.days(), evidence.get("days"));
            assertEquals(window.orders(), evidence.get("orders"), "the orders of the " + window.days() + "-day window");
            // the seller's cancellations, approved or waiting, as they stood before it, and this request
            assertEquals(window.sellerCancellations() + window.pendingReviews() + 1, evidence.get("cancellations"),
                    "the cancellations of the " + window.days() + "-day window");
        }
    }

    /** A screening's read, with its windows as ScreeningFacts gives them (the longer one twice). */
    private int[] screeningOrders(String shop, Instant at, HealthWindows lengths) {
        int[] orders = new int[3];
        QuarkusTransaction.requiringNew().run(() -> reader.readForScreening(shop, at, new Instant[] {
            at.minus(Duration.ofDays(lengths.days(0))), at.minus(Duration.ofDays(lengths.days(1))),
            at.minus(Duration.ofDays(lengths.days(1)))}, (s, metric, part, v) -> {
                if (metric.equals("orders") && part == ShopDayCountReader.Part.COUNTED) {
                    for (int w = 0; w < 3; w++) {
                        orders[w] += v[w];
                    }
                }
            }));
        return orders;
    }

    @Test
    void theCountsEachWriteKeepsEqualARebuildAndTheirWindowsEqualTheRawCount() {
        assertEquals(0, differences(), "the sample, as loaded at start");
        assertTrue(QuarkusTransaction.requiringNew().call(counts::rows) > 0);

        ShopFixture fixture = ShopFixture.shop(SHOP).product(SHOP + "-A", 10);
        // orders across the windows' edges: inside 7 days, between 7 and 30, 30 and 90, and older than 90
        int[] daysAgo = {0, 1, 2, 6, 8, 29, 31, 60, 89, 91, 120};
        for (int i = 0; i < daysAgo.length; i++) {
            fixture.order(SHOP + "-" + i, SHOP + "-A", 8, 10, ShopFixture.REGION, "AWAITING_SHIPMENT",
                    Duration.ofDays(daysAgo[i]).plusHours(i));
        }
        fixture.inspection(SHOP + "-I1", SHOP + "-A", "FAIL", Duration.ofDays(3))
                .inspection(SHOP + "-I2", SHOP + "-A", "PASS", Duration.ofDays(4))
                .inspection(SHOP + "-I3", SHOP + "-A", "FAIL", Duration.ofDays(40))
                .logistics(SHOP + "-L1", SHOP + "-1", null, "DELAY", Duration.ofHours(20))
                .logistics(SHOP + "-L2", SHOP + "-5", null, "LOST", Duration.ofDays(20))
                .logistics(SHOP + "-L3", SHOP + "-2", null, "DAMAGED", Duration.ofDays(2))
                .load();
        importJson("complaints", List.of(Map.of("orderNo", SHOP + "-1", "text", "没发货 Not shipped",
                "complainedAt", ShopFixture.ago(Duration.ofHours(10))), Map.of("orderNo", SHOP + "-6", "text",
                "太慢 Slow", "complainedAt", ShopFixture.ago(Duration.ofDays(10)))));
        importJson("reviews", List.of(Map.of("orderNo", SHOP + "-1", "stars", 1, "text", "差 Bad",
                "reviewedAt", ShopFixture.ago(Duration.ofHours(5))), Map.of("orderNo", SHOP + "-4", "stars", 5,
                "text", "好 Good", "reviewedAt", ShopFixture.ago(Duration.ofDays(5)))));
        assertEquals(0, differences(), "after imports");

        // screenings: approved by the rules, compensated, left to a reviewer
        List<String> pending = new ArrayList<>();
        Set<String> statuses = new HashSet<>();
        for (int i : new int[] {0, 1, 2, 3, 4, 5}) {
            Requests r = Requests.outOfStock(SHOP + "-" + i);
            if (i % 2 == 0) {
                r.warehouseStock(0);
            }
            if (i % 3 != 2) {
                r.contacted();
            }
            var answer = r.post().statusCode(201).extract();
            String status = answer.path("status");
            statuses.add(status);
            if (status.equals("PENDING_REVIEW")) {
                pending.add(answer.path("id"));
                // a request just queued is the last: its place is the queue's length, kept rather than counted
                assertEquals(pendingRequests(), ((Number) answer.path("expectedDecision.queueAhead")).longValue(),
                        "the place of " + answer.path("id"));
            }
        }
        assertEquals(0, differences(), "after screenings " + statuses);
        assertTrue(pending.size() >= 3, "some left to a reviewer: " + statuses);
        // a reviewer approves one and rejects one; the rest stay pending
        review(pending.get(0), "APPROVE");
        review(pending.get(1), "REJECT");
        assertEquals(0, differences(), "after reviews");
        assertEquals(pendingRequests(), QuarkusTransaction.requiringNew().call(queue::length),
                "the queue after reviews");
        assertTrue(statuses.contains("AUTO_APPROVED"), "some approved by the rules: " + statuses);

        HealthWindows lengths = HealthWindows.of(registry.active().orElseThrow().parameters().parameters());
        Instant now = Instant.now();
        List<Instant> dates = new ArrayList<>(List.of(now, now.minus(Duration.ofMinutes(1)), now.plusSeconds(5),
                now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(45))));
        QuarkusTransaction.requiringNew().run(() -> {
            Cancellation.<Cancellation>list("shopId", SHOP).forEach(c -> {
                dates.add(c.submittedAt);
                if (c.decidedAt != null) {
                    // before the reviewer decided: still pending then
                    dates.add(c.decidedAt.minusMillis(1));
                    dates.add(c.decidedAt);
                }
            });
            dev.shophealth.order.ShopOrder.<dev.shophealth.order.ShopOrder>list("shopId", SHOP).forEach(o -> {
                dates.add(o.placedAt);
                dates.add(o.placedAt.plus(Duration.ofDays(lengths.days(0))));
                dates.add(o.placedAt.plus(Duration.ofDays(lengths.days(1))));
                dates.add(o.placedAt.plus(Duration.ofDays(lengths.longest())));
            });
        });
        boolean pendingSeen = false;
        boolean approvedSeen = false;
        for (Instant at : dates) {
            List<ShopWindowFact> fromCounts = QuarkusTransaction.requiringNew().call(() -> metrics.windows(SHOP, at, lengths))
                    .getOrDefault(SHOP, MetricsQueries.empty(lengths));
            List<ShopWindowFact> fromRecords = QuarkusTransaction.requiringNew()
                    .call(() -> rawMetrics.rawWindows(SHOP, at, lengths)).getOrDefault(SHOP, MetricsQueries.empty(lengths));
            assertEquals(fromRecords, fromCounts, "at " + at);
            int[] orders = screeningOrders(SHOP, at, lengths);
            assertEquals(List.of(fromRecords.get(0).orders(), fromRecords.get(1).orders(), fromRecords.get(1).orders()),
                    List.of(orders[0], orders[1], orders[2]), "a screening's orders at " + at);
            pendingSeen |= fromCounts.get(0).pendingReviews() > 0;
            approvedSeen |= fromCounts.get(0).sellerCancellations() > 0;
        }
        assertTrue(pendingSeen && approvedSeen, "the dates saw pending and approved requests");
        assertEquals(QuarkusTransaction.requiringNew().call(() -> rawMetrics.rawWindows(null, now, lengths)),
                QuarkusTransaction.requiringNew().call(() -> metrics.windows(null, now, lengths)), "every shop");

        // the admins' check and rebuild
        long before = QuarkusTransaction.requiringNew().call(counts::rows);
        given().when().get("/api/admin/day-counts").then().statusCode(200)
                .body("rows", org.hamcrest.Matchers.equalTo((int) before)).body("differences", org.hamcrest.Matchers.equalTo(0));
        given().when().post("/api/admin/day-counts/rebuild").then().statusCode(200)
                .body("rows", org.hamcrest.Matchers.equalTo((int) before))
                .body("differencesBefore", org.hamcrest.Matchers.equalTo(0));
        assertEquals(0, differences(), "after a rebuild");
        assertEquals(before, QuarkusTransaction.requiringNew().call(counts::rows), "a rebuild finds the same rows");
        // a wrong count is found and mended
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update shop_day_count set n = n + 5 where shop_id = ?1 and metric = 'orders'").setParameter(1, SHOP)
                .executeUpdate());
        given().when().get("/api/admin/day-counts").then().statusCode(200)
                .body("differences", org.hamcrest.Matchers.greaterThan(0));
        given().when().post("/api/admin/day-counts/rebuild").then().statusCode(200)
                .body("differencesBefore", org.hamcrest.Matchers.greaterThan(0));
        assertEquals(0, differences(), "after mending");
        // so is a wrong queue length
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update review_queue_count set n = n + 3 where slot = (select min(slot) from review_queue_count)")
                .executeUpdate());
        assertEquals(1, differences(), "a wrong queue length");
        given().when().post("/api/admin/day-counts/rebuild").then().statusCode(200)
                .body("differencesBefore", org.hamcrest.Matchers.equalTo(1));
        assertEquals(pendingRequests(), QuarkusTransaction.requiringNew().call(queue::length), "the queue mended");
        assertEquals(0, differences(), "after mending the queue");
    }

    private long pendingRequests() {
        return QuarkusTransaction.requiringNew().call(() -> Cancellation.count("status",
                CancellationStatus.PENDING_REVIEW));
    }

    private long differences() {
        return QuarkusTransaction.requiringNew().call(counts::differences);
    }

    private static void importJson(String kind, List<Map<String, Object>> rows) {
        given().contentType("application/json").body(rows).when().post("/api/import/" + kind).then().statusCode(200);
    }

    private static void review(String id, String verdict) {
        given().contentType("application/json").body(Map.of("verdict", verdict, "note", "测试 Test"))
                .when().post("/api/cancellations/" + id + "/review").then().statusCode(200);
    }
}
