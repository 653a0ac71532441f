package dev.shophealth.cancellation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Money moves once: concurrent requests for one order approve and refund it once, the losers are told which request
 * won, the same request sent many times at once is answered once, and the database itself refuses a second
 * approval or refund.
 */
@QuarkusTest
@Tag("persistence")
@TestSecurity(user = "li", roles = "ADMIN")
class CancellationRaceTest {

    @Inject
    EntityManager em;

    /** Runs {@code n} calls at once (released together) and returns their answers in call order. */
    private static List<Response> atOnce(int n, IntFunction<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** An order the default rules approve: warehouse short of it, buyer contacted. */
    private static Requests approvable(String orderNo) {
        return Requests.outOfStock(orderNo).warehouseStock(5).contacted();
    }

    private static Map<Integer, Long> byStatus(List<Response> responses) {
        return responses.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
    }

    private static long refunds(String orderNo) {
        return QuarkusTransaction.requiringNew().call(() -> Refund.count("orderNo", orderNo));
    }

    private static long requests(String orderNo) {
        return QuarkusTransaction.requiringNew().call(() -> Cancellation.count("orderNo", orderNo));
    }

    @Test
    void fiftyRequestsWithDifferentKeysApproveAndRefundTheOrderOnce() throws Exception {
        ShopFixture.shop("T9201").product("T9201-A", 10).order("T9201-1", "T9201-A", 8, 10).load();

        List<Response> answers = atOnce(50, i -> approvable("T9201-1").key("race-T9201-" + i).post().extract().response());

        assertEquals(Map.of(201, 1L, 409, 49L), byStatus(answers), () -> byStatus(answers).toString());
        Response winner = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
        String winnerId = winner.path("id");
        assertEquals("AUTO_APPROVED", winner.path("status"));
        for (Response loser : answers) {
            if (loser.statusCode() == 409) {
                assertTrue(loser.contentType().startsWith("application/problem+json"), loser.contentType());
                assertTrue(loser.<String>path("detail").contains(winnerId), loser.asString());
                assertEquals("orderNo", loser.path("errors[0].field"));
            }
        }
        assertEquals(1, refunds("T9201-1"));
        assertEquals(1, requests("T9201-1"), "the losers wrote nothing");
        assertEquals("CANCELLED", given().when().get("/api/orders/T9201-1").then().extract().path("order.status"));
    }

    @Test
    void twentyRequestsWithTheSameKeyAllGetTheFirstAnswer() throws Exception {
        ShopFixture.shop("T9202").product("T9202-A", 10).order("T9202-1", "T9202-A", 8, 10).load();

        List<Response> answers = atOnce(20, i -> approvable("T9202-1").key("same-T9202").post().extract().response());

        assertEquals(Map.of(201, 20L), byStatus(answers), () -> answers.stream().map(Response::asString).toList().toString());
        assertEquals(Map.of("false", 1L, "true", 19L), answers.stream()
                .collect(Collectors.groupingBy(r -> r.header("Idempotent-Replayed"), Collectors.counting())));
        Response first = answers.stream().filter(r -> r.header("Idempotent-Replayed").equals("false")).findFirst()
                .orElseThrow();
        assertEquals("AUTO_APPROVED", first.path("status"));
        for (Response answer : answers) {
            assertEquals(first.asString(), answer.asString(), "byte for byte the first answer");
        }
        assertEquals(1, requests("T9202-1"));
        assertEquals(1, refunds("T9202-1"));
    }

    @Test
    void aPendingRequestHoldsItsOrderAndIsApprovedOnceByConcurrentReviewers() throws Exception {
        // given: a request without evidence, waiting for a reviewer
        ShopFixture.shop("T9203").product("T9203-A", 10).order("T9203-1", "T9203-A", 8, 10).load();
        String pending = Requests.outOfStock("T9203-1").contacted().post().statusCode(201).extract().path("id");
        assertEquals("PENDING_REVIEW", given().when().get("/api/cancellations/" + pending).then().extract().path("status"));

        // when: requests the rules would approve arrive meanwhile; then: each is told which request holds the order
        List<Response> intakes = atOnce(20, i -> approvable("T9203-1").key("late-T9203-" + i).post().extract().response());
        assertEquals(Map.of(409, 20L), byStatus(intakes));
        intakes.forEach(r -> assertTrue(r.<String>path("detail").contains(pending), r.asString()));

        // when: ten reviewers approve it at once; then: one approval, one refund
        List<Response> reviews = atOnce(10, i -> given().contentType("application/json")
                .body("{\"verdict\": \"APPROVE\", \"note\": \"reviewer " + i + "\"}")
                .when().post("/api/cancellations/" + pending + "/review").then().extract().response());
        assertEquals(Map.of(200, 1L, 409, 9L), byStatus(reviews));
        reviews.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertTrue(r.<String>path("detail").contains(pending), r.asString()));
        assertEquals(1, refunds("T9203-1"));

        // and later requests are told the approved one cancelled the order
        approvable("T9203-1").post().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("was cancelled by request " + pending));
    }

    @Test
    void aRejectedRequestReleasesItsOrder() {
        ShopFixture.shop("T9204").product("T9204-A", 10).order("T9204-1", "T9204-A", 8, 10).load();
        String pending = Requests.outOfStock("T9204-1").contacted().post().statusCode(201).extract().path("id");
        given().contentType("application/json").body("{\"verdict\": \"REJECT\"}")
                .when().post("/api/cancellations/" + pending + "/review").then().statusCode(200);
        approvable("T9204-1").post().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("AUTO_APPROVED"));
        assertEquals(1, refunds("T9204-1"));
    }

    @Test
    void theDatabaseRefusesASecondApprovalAndASecondRefundWhateverWritesThem() {
        // given: an approved, refunded order
        ShopFixture.shop("T9205").product("T9205-A", 10).order("T9205-1", "T9205-A", 8, 10).load();
        String approved = approvable("T9205-1").post().statusCode(201).extract().path("id");
        String decision = given().when().get("/api/cancellations/" + approved).then().extract().path("screening.decisionId");

        // then: a second request claiming the order is refused by the claim constraint
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                insertRequest("T9205-x1", "APPROVED", "T9205-1", decision)));
        // and a refund of the order for another (unclaiming) request by the refund constraint
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            insertRequest("T9205-x2", "REJECTED", null, decision);
            em.createNativeQuery("insert into refund (request_id, order_no, buyer_id, amount, destination, refunded_at)"
                    + " values ('T9205-x2', 'T9205-1', 'B-T9205-1', 88.50, 'BUYER_PAYMENT_ACCOUNT', current_timestamp)")
                    .executeUpdate();
        }));
        assertEquals(1, requests("T9205-1"));
        assertEquals(1, refunds("T9205-1"));
    }

    private void insertRequest(String id, String status, String claim, String decisionId) {
        em.createNativeQuery("insert into cancellation_request (id, order_no, shop_id, reason, status, submitted_at,"
                + " screening_verdict, decision_id, idempotency_key, request_hash, claimed_order_no) values (?1,"
                + " 'T9205-1', 'T9205', 'OUT_OF_STOCK', ?2, current_timestamp, 'APPROVE', ?3, ?1, 'x', cast(?4 as varchar(64)))")
                .setParameter(1, id).setParameter(2, status).setParameter(3, decisionId).setParameter(4, claim)
                .executeUpdate();
    }
}
