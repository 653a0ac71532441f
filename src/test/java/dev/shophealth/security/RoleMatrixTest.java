package dev.shophealth.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every endpoint against every role, with real HTTP Basic and the demo users; and a merchant's isolation. */
@QuarkusTest
@Tag("persistence")
class RoleMatrixTest {

    static final String M = "MERCHANT";
    static final String R = "REVIEWER";
    static final String A = "ANALYST";
    static final String D = "ADMIN";
    static final Set<String> ALL = Set.of(M, R, A, D);
    static final Set<String> ANALYSTS = Set.of(A, D);
    static final Map<String, String[]> USERS = Map.of(M, new String[] {"merchant-S1001", "merchant-demo"},
            R, new String[] {"reviewer", "reviewer-demo"}, A, new String[] {"analyst", "analyst-demo"},
            D, new String[] {"admin", "admin-demo"});

    /** An endpoint, a body where it takes one, and the roles allowed. */
    record Endpoint(String method, String path, String contentType, Object body, Set<String> allowed) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/orders", null, null, ALL),
            new Endpoint("GET", "/api/orders/DY1001000001", null, null, ALL),
            new Endpoint("POST", "/api/import/shops", "text/csv", "id,name,category\n", Set.of(D)),
            new Endpoint("POST", "/api/cancellations", "application/json", "{}", Set.of(M, D)),
            new Endpoint("GET", "/api/cancellations", null, null, ALL),
            new Endpoint("GET", "/api/cancellations/none", null, null, ALL),
            new Endpoint("POST", "/api/cancellations/none/review", "application/json", "{}", Set.of(R, D)),
            new Endpoint("GET", "/api/shops/S1001/cancellations.csv", null, null, ALL),
            new Endpoint("GET", "/api/shops/S1001/health", null, null, ALL),
            new Endpoint("GET", "/api/shops/S1001/health/history?step=P7D", null, null, ALL),
            new Endpoint("POST", "/api/shops/S1001/health/snapshot", null, null, ALL),
            new Endpoint("GET", "/api/shops/health", null, null, Set.of(R, A, D)),
            new Endpoint("POST", "/api/evaluate", "application/json", "{}", ALL),
            new Endpoint("GET", "/api/rulesets/active", null, null, ANALYSTS),
            new Endpoint("POST", "/api/rulesets/reload", null, null, ANALYSTS),
            new Endpoint("POST", "/api/rulesets/active/evaluate", "application/json", "{}", ANALYSTS),
            new Endpoint("GET", "/api/rulesets/active/scenarios", null, null, ANALYSTS),
            new Endpoint("POST", "/api/rulesets", "application/zip", "not a zip".getBytes(), ANALYSTS),
            new Endpoint("POST", "/api/rulesets/from-folder", null, null, ANALYSTS),
            new Endpoint("GET", "/api/rulesets", null, null, ANALYSTS),
            new Endpoint("GET", "/api/rulesets/activations", null, null, ANALYSTS),
            new Endpoint("GET", "/api/rulesets/none/files", null, null, ANALYSTS),
            new Endpoint("GET", "/api/rulesets/none/diff/other", null, null, ANALYSTS),
            new Endpoint("POST", "/api/rulesets/none/activate", null, null, ANALYSTS),
            new Endpoint("GET", "/api/rulesets/none", null, null, ANALYSTS),
            new Endpoint("POST", "/api/rulesets/none/approvals", "application/json", "{\"comment\": \"ok\"}", ANALYSTS),
            new Endpoint("PUT", "/api/rulesets/none/shadow", null, null, ANALYSTS),
            new Endpoint("DELETE", "/api/rulesets/shadow", null, null, ANALYSTS),
            new Endpoint("GET", "/api/rulesets/shadow", null, null, ANALYSTS),
            new Endpoint("GET", "/api/rulesets/shadow/disagreements", null, null, ANALYSTS),
            new Endpoint("POST", "/api/rulesets/rollback", null, null, ANALYSTS),
            new Endpoint("POST", "/api/rulesets/none/backtest", "application/json", "{}", ANALYSTS),
            new Endpoint("GET", "/api/rulesets/coverage", null, null, ANALYSTS),
            new Endpoint("GET", "/api/backtests/none", null, null, ANALYSTS),
            new Endpoint("DELETE", "/api/backtests/none", null, null, ANALYSTS),
            new Endpoint("GET", "/api/decisions", null, null, ANALYSTS),
            new Endpoint("GET", "/api/decisions/export?limit=1", null, null, ANALYSTS),
            new Endpoint("GET", "/api/decisions/none", null, null, ANALYSTS),
            new Endpoint("POST", "/api/decisions/none/replay", null, null, ANALYSTS),
            new Endpoint("GET", "/api/audit", null, null, Set.of(D)));

    private static int call(Endpoint e, String role) {
        RequestSpecification spec = given().header("Idempotency-Key", "matrix");
        if (role != null) {
            spec = spec.auth().preemptive().basic(USERS.get(role)[0], USERS.get(role)[1]);
        }
        if (e.body() instanceof byte[] bytes) {
            spec = spec.contentType(e.contentType()).body(bytes);
        } else if (e.body() != null) {
            spec = spec.contentType(e.contentType()).body((String) e.body());
        }
        return spec.when().request(e.method(), e.path()).then().extract().statusCode();
    }

    @Test
    void everyEndpointAgainstEveryRole() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            int anonymous = call(e, null);
            if (anonymous != 401) {
                wrong.add(e.method() + " " + e.path() + " without credentials: " + anonymous);
            }
            for (String role : USERS.keySet()) {
                int status = call(e, role);
                boolean allowed = e.allowed().contains(role);
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(e.method() + " " + e.path() + " as " + role + ": " + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aMerchantSeesNothingOfAnotherShop() {
        var s1001 = given().auth().preemptive().basic("merchant-S1001", "merchant-demo");
        String otherRequest = given().auth().preemptive().basic("admin", "admin-demo").queryParam("shopId", "S1002")
                .when().get("/api/cancellations").then().statusCode(200).extract().path("items[0].id");
        for (String path : List.of("/api/orders?shopId=S1002", "/api/orders/DY1002009999", "/api/shops/S1002/health",
                "/api/shops/S1002/health/history", "/api/shops/S1002/cancellations.csv",
                "/api/cancellations?shopId=S1002", "/api/cancellations/" + otherRequest)) {
            given().auth().preemptive().basic("merchant-S1001", "merchant-demo").when().get(path).then()
                    .statusCode(404).contentType("application/problem+json");
        }
        s1001.when().get("/api/orders?size=200").then().statusCode(200).body("items.shopId", everyItem(equalTo("S1001")));
        given().auth().preemptive().basic("merchant-S1001", "merchant-demo").when().get("/api/cancellations?size=200")
                .then().statusCode(200).body("items.shopId", everyItem(equalTo("S1001")));
        given().auth().preemptive().basic("merchant-S1001", "merchant-demo").contentType("application/json")
                .header("Idempotency-Key", "steal").body("{\"orderNo\": \"DY1002000005\", \"reason\": \"OUT_OF_STOCK\"}")
                .when().post("/api/cancellations").then().statusCode(404);
        given().auth().preemptive().basic("merchant-S1001", "merchant-demo").when().get("/api/shops/S1001/health")
                .then().statusCode(200);
    }

    @Test
    void aFailedLoginIsAProblemAndAudited() {
        given().auth().preemptive().basic("reviewer", "guess").when().get("/api/orders").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"));
        // written on a worker thread right after the answer
        List<String> actors = List.of();
        for (int i = 0; i < 50 && !actors.contains("reviewer"); i++) {
            actors = given().auth().preemptive().basic("admin", "admin-demo").when().get("/api/audit").then()
                    .statusCode(200).extract().jsonPath().getList("findAll { it.action == 'LOGIN_FAILED' }.actor");
            sleep(100);
        }
        assertTrue(actors.contains("reviewer"), "LOGIN_FAILED of reviewer in the audit log: " + actors);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
