package dev.shophealth.ruleset.version;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The governed way to activate a version in tests, through the API as analysts do it: the first analyst
 * ({@code analyst}) uploads, a backtest of the version against the active ruleset finishes, the second analyst
 * ({@code analyst2}) approves, the first activates. No test switches governance off to activate.
 */
public final class Governed {

    public static final String FIRST = "analyst";
    public static final String SECOND = "analyst2";

    private Governed() {
    }

    /** Requests as the first analyst, the usual author. */
    public static RequestSpecification analyst() {
        return RestAssured.given().auth().preemptive().basic(FIRST, "analyst-demo");
    }

    /** Requests as the second analyst, who approves. */
    public static RequestSpecification secondAnalyst() {
        return RestAssured.given().auth().preemptive().basic(SECOND, "analyst2-demo");
    }

    /** Starts a backtest of {@code revision} against the active ruleset over all history and waits for its end. */
    public static JsonPath backtest(String revision) {
        String job = analyst().contentType("application/json").body("{\"from\": \"2000-01-01\", \"to\": \"2100-01-01\"}")
                .when().post("/api/rulesets/" + revision + "/backtest").then().statusCode(202).extract().path("id");
        return poll(job);
    }

    /** Backtests {@code revision} and has the second analyst approve it; the first analyst may then activate it. */
    public static JsonPath backtestAndApprove(String revision) {
        JsonPath done = backtest(revision);
        if (!"DONE".equals(done.getString("state"))) {
            throw new AssertionError("backtest of " + revision + " ended " + done.getString("state"));
        }
        java.util.List<String> approvers = analyst().when().get("/api/rulesets/" + revision).then().statusCode(200)
                .extract().jsonPath().getList("approvals.approvedBy", String.class);
        if (!approvers.contains(SECOND)) {
            secondAnalyst().contentType("application/json").body("{\"comment\": \"backtest read, looks right\"}")
                    .when().post("/api/rulesets/" + revision + "/approvals").then().statusCode(201)
                    .body("approvedBy", equalTo(SECOND));
        }
        return done;
    }

    /** Backtests, approves and activates {@code revision}. */
    public static void activate(String revision) {
        backtestAndApprove(revision);
        analyst().queryParam("comment", "governed activation in a test").when()
                .post("/api/rulesets/" + revision + "/activate").then().statusCode(200);
    }

    /** Polls a backtest until it is no longer RUNNING (at most a minute). */
    public static JsonPath poll(String job) {
        for (int i = 0; i < 600; i++) {
            JsonPath p = analyst().when().get("/api/backtests/" + job).then().statusCode(200).extract().jsonPath();
            if (!p.getString("state").equals("RUNNING")) {
                return p;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("backtest " + job + " did not finish in 60 s");
    }
}
