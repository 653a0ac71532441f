package dev.shophealth.shophealth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shophealth.cancellation.ShopDayCounts;
import dev.shophealth.cancellation.ShopFixture;
import dev.shophealth.fact.ShopWindowFact;
import dev.shophealth.ruleset.RulesetRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Window facts kept between health reads ({@link KeptWindows}) are the facts a count from the raw records gives: on
 * each side of every instant at which time moves a record of the shop across a window's edge, and after every write
 * to the shop, which any instance may make. Shops T9711–T9713 are this test's own.
 */
@QuarkusTest
@Tag("persistence")
@TestSecurity(user = "li", roles = "ADMIN")
class KeptWindowsTest {

    @Inject
    KeptWindows kept;
    @Inject
    ShopHeads heads;
    @Inject
    MetricsQueries metrics;
    @Inject
    RawMetrics raw;
    @Inject
    RulesetRegistry registry;
    @Inject
    MeterRegistry meters;
    @Inject
    EntityManager em;

    @Test
    void keptFactsEqualTheRawCountOnEachSideOfEveryEdge() {
        String shop = "T9711";
        HealthWindows lengths = lengths();
        ShopFixture fixture = ShopFixture.shop(shop).product(shop + "-A", 10);
        // records a window's length ago, give or take hours, so that their edges fall in the next day; some recent
        Map<String, Object> review = new java.util.HashMap<>(Map.of("stars", 1, "text", "差 Bad"));
        int i = 0;
        for (int days : List.of(0, 1, lengths.days(0), lengths.days(1), lengths.longest())) {
            for (int hours : List.of(-20, -7, -2, 0, 3, 11)) {
                Duration ago = Duration.ofDays(days).minusHours(hours).plusMinutes(13L * i);
                if (ago.isNegative()) {
                    continue;
                }
                fixture.order(shop + "-" + i, shop + "-A", 1, 10, "上海 Shanghai", "DELIVERED", ago);
                if (days == lengths.days(0) && hours == 0) {
                    // reviewed three hours after it was placed
                    review.put("orderNo", shop + "-" + i);
                    review.put("reviewedAt", ShopFixture.ago(ago.minusHours(3)));
                }
                if (i % 3 == 0) {
                    fixture.inspection(shop + "-I" + i, shop + "-A", "FAIL", ago.minusMinutes(5));
                }
                if (i % 4 == 1) {
                    fixture.logistics(shop + "-L" + i, shop + "-" + i, null, "DELAY", ago.minusMinutes(7));
                }
                i++;
            }
        }
        fixture.load();
        given().contentType("application/json").body(List.of(review)).when().post("/api/import/reviews").then()
                .statusCode(200);

        // every instant a record enters or leaves a window, each with the instant just before it, over two days
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TreeSet<Instant> dates = new TreeSet<>();
        for (Instant t : recordTimes(shop)) {
            dates.add(t);
            for (int w = 0; w < lengths.size(); w++) {
                dates.add(t.plus(Duration.ofDays(lengths.days(w))));
            }
        }
        dates.add(MetricsQueries.endOfDay(now));
        TreeSet<Instant> both = new TreeSet<>();
        for (Instant d : dates.subSet(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)))) {
            both.add(d.minus(1, ChronoUnit.MICROS));
            both.add(d);
        }
        assertTrue(both.size() > 40, "edges to cross: " + both.size());

        double keptBefore = count("kept");
        double readBefore = count("read");
        long changes = heads.read(shop).changes();
        for (Instant at : both) {
            List<ShopWindowFact> fromKept = kept.of(shop, changes, at, lengths);
            List<ShopWindowFact> fromRecords = QuarkusTransaction.requiringNew()
                    .call(() -> raw.rawWindows(shop, at, lengths)).getOrDefault(shop, MetricsQueries.empty(lengths));
            assertEquals(fromRecords, fromKept, "at " + at);
        }
        double keptReads = count("kept") - keptBefore;
        double dbReads = count("read") - readBefore;
        assertEquals(both.size(), keptReads + dbReads, 0.0);
        // each instant just before an edge is still served by what was read after the edge before it
        assertTrue(keptReads >= both.size() / 3.0, "kept " + keptReads + ", read " + dbReads);
    }

    @Test
    void everyWriteToTheShopIsSeenByTheNextRead() {
        String shop = "T9712";
        ShopFixture.shop(shop).product(shop + "-A", 10).order(shop + "-1", shop + "-A", 2, 10).load();
        int orders = ordersIn7Days(shop);
        double readBefore = count("read");
        assertEquals(orders, ordersIn7Days(shop));
        assertEquals(readBefore, count("read"), 0.0, "the second read is kept");

        // an import: the shop's number of changes rises in its transaction
        ShopFixture.shop(shop).order(shop + "-2", shop + "-A", 1, 10).load();
        assertEquals(orders + 1, ordersIn7Days(shop), "an order imported");
        assertEquals(raw(shop).get(0).orders(), ordersIn7Days(shop));

        // a screening, then a reviewer's decision when the rules left it to one
        var screened = given().contentType("application/json").header("Idempotency-Key", "kw-" + shop + "-1")
                .body(Map.of("orderNo", shop + "-1", "reason", "OUT_OF_STOCK", "evidence", Map.of("warehouseStock", 5)))
                .when().post("/api/cancellations").then().statusCode(201).extract();
        assertEquals(raw(shop), report(shop), "after a screening");
        if ("PENDING_REVIEW".equals(screened.path("status"))) {
            given().contentType("application/json").body(Map.of("verdict", "APPROVE", "note", "测试 Test"))
                    .when().post("/api/cancellations/" + screened.path("id") + "/review").then().statusCode(200);
            assertEquals(raw(shop), report(shop), "after a review");
        }

        // a write this instance did not make: another instance's commit raises the number in the database, which is
        // all a read consults (here a record written and counted by hand, as a rebuild on another instance would)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into complaint (order_no, text, "
                + "complained_at) values ('" + shop + "-2', '另一实例 Another instance', ?1)")
                .setParameter(1, OffsetDateTime.now().minusHours(1)).executeUpdate());
        assertEquals(raw(shop).get(0).complaints() - 1, report(shop).get(0).complaints(),
                "a record not counted yet is not read either");
        QuarkusTransaction.requiringNew().run(() -> counts.rebuild(List.of(ShopDayCounts.Kind.COMPLAINTS),
                List.of(shop)));
        assertEquals(raw(shop), report(shop), "after another instance's recount");
    }

    @Inject
    ShopDayCounts counts;

    @Test
    void theRankedListReadsAgainOnlyTheShopsThatChanged() {
        String shop = "T9713";
        ShopFixture.shop(shop).product(shop + "-A", 10).order(shop + "-1", shop + "-A", 2, 10).load();
        given().when().get("/api/shops/health?size=1").then().statusCode(200);
        double readBefore = count("read");
        given().when().get("/api/shops/health?size=1").then().statusCode(200);
        // every shop kept, but one a record crossed an edge of in between, should that happen
        assertTrue(count("read") - readBefore <= 1, (count("read") - readBefore) + " shops read again");

        ShopFixture.shop(shop).order(shop + "-2", shop + "-A", 1, 10).load();
        List<Map<String, Object>> items = given().when().get("/api/shops/health?sort=shopId&size=200").then()
                .statusCode(200).extract().path("items");
        Map<String, Object> line = items.stream().filter(r -> r.get("shopId").equals(shop)).findFirst().orElseThrow();
        assertEquals(raw(shop).get(1).orders(), line.get("orders30d"), "the shop imported to, read again");
        // and few others: those a record crossed an edge of meanwhile, if any
        double readAgain = count("read") - readBefore;
        assertTrue(readAgain >= 1 && readAgain < items.size() / 2.0, readAgain + " of " + items.size() + " read again");
    }

    @Test
    void oneShopSomeShopsAndEveryShopReadTheSameFactsAndTheSameEdge() {
        HealthWindows lengths = lengths();
        Instant at = Instant.now();
        List<String> shops = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from shop order by id", String.class).getResultList());
        Map<String, MetricsQueries.Timed> every = QuarkusTransaction.requiringNew()
                .call(() -> metrics.timedWindows((String) null, at, lengths));
        Map<String, MetricsQueries.Timed> some = QuarkusTransaction.requiringNew()
                .call(() -> metrics.timedWindows(shops, at, lengths));
        Map<String, List<ShopWindowFact>> fromRecords = QuarkusTransaction.requiringNew()
                .call(() -> raw.rawWindows(null, at, lengths));
        assertEquals(every, some);
        assertEquals(fromRecords, every.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().facts())));
        for (String shop : List.of("S1001", "S1002", "S1003")) {
            assertEquals(every.get(shop), QuarkusTransaction.requiringNew()
                    .call(() -> metrics.timedWindows(shop, at, lengths)).get(shop), shop);
            assertTrue(every.get(shop).until().isAfter(at) && !every.get(shop).until().isAfter(
                    MetricsQueries.endOfDay(at)), shop + " holds until " + every.get(shop).until());
        }
    }

    private HealthWindows lengths() {
        return HealthWindows.of(registry.active().orElseThrow().parameters().parameters());
    }

    /** The shop's report now, through the API, as window facts (each window's counts). */
    private List<ShopWindowFact> report(String shop) {
        long changes = heads.read(shop).changes();
        given().when().get("/api/shops/" + shop + "/health").then().statusCode(200);
        return kept.of(shop, changes, Instant.now(), lengths());
    }

    private int ordersIn7Days(String shop) {
        return given().when().get("/api/shops/" + shop + "/health").then().statusCode(200).extract()
                .path("metrics.7d.orders");
    }

    private List<ShopWindowFact> raw(String shop) {
        Instant at = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> raw.rawWindows(shop, at, lengths()))
                .getOrDefault(shop, MetricsQueries.empty(lengths()));
    }

    /** The time of every record the shop's windows count, and of each decision. */
    private List<Instant> recordTimes(String shop) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String times = String.join(" union all ", ShopDayCounts.SOURCES.stream()
                    .map(s -> "select t from (" + s.select(s.shop() + " = '" + shop + "'") + ") x").toList())
                    + " union all select decided_at from cancellation_request where shop_id = '" + shop
                    + "' and decided_at is not null";
            return em.createNativeQuery(times, OffsetDateTime.class).getResultList().stream()
                    .map(t -> ((OffsetDateTime) t).toInstant()).toList();
        });
    }

    private double count(String source) {
        // registered when KeptWindows is first used
        var counter = meters.find("shophealth_health_windows").tag("source", source).counter();
        return counter == null ? 0 : counter.count();
    }
}
