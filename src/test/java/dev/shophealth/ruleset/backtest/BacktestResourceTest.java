package dev.shophealth.ruleset.backtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A backtest's period: blank or unusable dates answer 400 naming them, and no job starts. */
@QuarkusTest
@Tag("persistence")
@TestSecurity(user = "analyst-1", roles = "ANALYST")
class BacktestResourceTest {

    private String revision;

    @BeforeEach
    void storeTheRulesFolder() {
        revision = given().queryParam("author", "test").when().post("/api/rulesets/from-folder")
                .then().statusCode(201).extract().path("revision");
    }

    @Test
    void blankDatesAre400NamingBoth() {
        backtest(Map.of("from", " ", "to", " ")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("from", "to"))
                .body("errors[0].message", containsString("is required"));
    }

    @Test
    void oneBlankDateIs400NamingIt() {
        backtest(Map.of("from", "2026-08-01", "to", "")).statusCode(400).body("errors.field", contains("to"));
        backtest(Map.of("from", "\t", "to", "2026-08-31")).statusCode(400).body("errors.field", contains("from"));
    }

    @Test
    void yearsNoDatabaseHoldsAre400() {
        backtest(Map.of("from", "-999999999-01-01T00:00:00Z", "to", "+999999999-12-31T23:59:59Z"))
                .statusCode(400).body("errors[0].field", equalTo("from"))
                .body("errors[0].message", containsString("years 1 to 9999"));
    }

    @Test
    void aUsablePeriodStartsAJob() {
        backtest(Map.of("from", "2026-08-01", "to", "2026-08-31")).statusCode(202).body("candidateRevision", equalTo(revision));
    }

    private io.restassured.response.ValidatableResponse backtest(Map<String, String> period) {
        return given().contentType("application/json").body(period)
                .when().post("/api/rulesets/{revision}/backtest", revision).then();
    }
}
