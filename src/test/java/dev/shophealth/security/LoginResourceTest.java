package dev.shophealth.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Failed logins are throttled per user and per address (429 with Retry-After, the password unchecked), audited as
 * one row per user, address and window, and a password matches only exactly. The login clock is moved forward
 * instead of waiting for a window to end.
 */
@QuarkusTest
@Tag("persistence")
class LoginResourceTest {

    private static Duration moved = Duration.ZERO;

    @Inject
    LoginClock clock;

    @Inject
    LoginConfig config;

    @Inject
    UserPasswords passwords;

    /**
     * Every test starts and leaves in a fresh window, no failure of another test counting; it starts at the
     * beginning of an audit period, so its attempts are not split between two periods' rows.
     */
    @BeforeEach
    @AfterEach
    void nextWindow() {
        long window = config.window().toMillis();
        moveClock(config.window().plusMillis(window - clock.now().toEpochMilli() % window));
    }

    private void moveClock(Duration by) {
        moved = moved.plus(by);
        clock.use(Clock.offset(Clock.systemUTC(), moved));
    }

    private void user(String name, String password) {
        passwords.apply(List.of(new UserPasswords.ConfiguredUser(name, Roles.REVIEWER, null, password, true)));
    }

    /** A login with the exact bytes of {@code user:password} in UTF-8, as a browser or curl sends them. */
    private static ValidatableResponse login(String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return given().header("Authorization", "Basic " + credentials).when().get("/api/orders?size=1").then();
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordWaitsForTheWindowToEnd() {
        // given
        user("throttled-reviewer", "the-right-one");
        for (int i = 0; i < config.maxFailuresPerUser(); i++) {
            login("throttled-reviewer", "guess-" + i).statusCode(401);
        }

        // when / then: refused unchecked, the right password too
        String retryAfter = login("throttled-reviewer", "guess-x").statusCode(429)
                .contentType("application/problem+json").body("status", equalTo(429))
                .body("type", equalTo("/problems/too-many-requests")).extract().header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= config.window().toSeconds(), retryAfter);
        login("throttled-reviewer", "the-right-one").statusCode(429).header("Retry-After", notNullValue());

        // and once the window is over
        moveClock(Duration.ofSeconds(seconds));
        login("throttled-reviewer", "the-right-one").statusCode(200);
    }

    @Test
    void aSuccessStartsTheUsersCountAgain() {
        user("forgetful-reviewer", "remembered-at-last");
        for (int i = 0; i < config.maxFailuresPerUser() - 1; i++) {
            login("forgetful-reviewer", "guess-" + i).statusCode(401);
        }
        login("forgetful-reviewer", "remembered-at-last").statusCode(200);
        for (int i = 0; i < config.maxFailuresPerUser(); i++) {
            login("forgetful-reviewer", "again-" + i).statusCode(401);
        }
        login("forgetful-reviewer", "remembered-at-last").statusCode(429);
    }

    @Test
    void oneAddressTryingManyUsersIsThrottledAndAuditedInOneRowOnceThrottled() {
        // given
        for (int i = 0; i < config.maxFailuresPerAddress(); i++) {
            login("sprayed-" + i, "password1").statusCode(401);
        }

        // when / then: new names and the right password of another user are refused, until the window ends
        for (int i = 0; i < 5; i++) {
            login("sprayed-late-" + i, "password1").statusCode(429).header("Retry-After", notNullValue());
        }
        login("admin", "admin-demo").statusCode(429);
        moveClock(config.window());
        login("admin", "admin-demo").statusCode(200);

        // and the refused attempts are one row of the address, not one per name
        List<Map<String, Object>> rows = auditRows(r -> r.get("actor").equals(LoginAudit.ANY_USER)
                && String.valueOf(r.get("detail")).startsWith("0 failed, 6 refused"), 1);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(List.of(), auditRows(r -> String.valueOf(r.get("actor")).startsWith("sprayed-late-"), 0));
    }

    @Test
    void anAttackIsAuditedAsOneRowWithItsCounts() {
        // given: five wrong passwords, then three attempts refused while throttled
        for (int i = 0; i < config.maxFailuresPerUser(); i++) {
            login("attacked-user", "guess-" + i).statusCode(401);
        }
        for (int i = 0; i < 3; i++) {
            login("attacked-user", "more-" + i).statusCode(429);
        }

        // when
        List<Map<String, Object>> rows = auditRows(r -> r.get("actor").equals("attacked-user")
                && String.valueOf(r.get("detail")).contains("3 refused"), 1);

        // then
        List<Map<String, Object>> all = auditRows(r -> r.get("actor").equals("attacked-user"), 1);
        assertEquals(1, all.size(), "one row for 8 attempts: " + all);
        assertEquals(1, rows.size(), "one row for 8 attempts: " + rows);
        assertEquals("LOGIN_FAILED", rows.get(0).get("action"));
        assertEquals("127.0.0.1", rows.get(0).get("subject"));
        assertTrue(String.valueOf(rows.get(0).get("detail")).startsWith("5 failed, 3 refused"), rows.toString());
    }

    @Test
    void theRightPasswordWithANulByteAfterItIsWrong() {
        // given: the right password has just been checked (and remembered)
        login("admin", "admin-demo").statusCode(200);

        // then
        login("admin", "admin-demo\0").statusCode(401).contentType("application/problem+json");
        login("admin", "admin-demo\0\0").statusCode(401);
        login("admin", "admin-demo").statusCode(200);
    }

    @Test
    void aGuessLongerThanBcryptReadsDoesNotMatchOnItsFirst72Bytes() {
        // given: a password of exactly 72 bytes, the most bcrypt compares
        String password = "p".repeat(36) + "é".repeat(18);
        user("long-password-user", password);
        login("long-password-user", password).statusCode(200);

        // then: the same 72 bytes and more are a different password
        login("long-password-user", password + "x").statusCode(401);
        login("long-password-user", password + "é").statusCode(401);
        login("long-password-user", password).statusCode(200);
    }

    @Test
    void aNulInTheUserNameIsAFailedLoginNotAnError() {
        login("admin\0", "admin-demo").statusCode(401).contentType("application/problem+json");
    }

    /**
     * The audit rows that {@code match}, once {@code expected} of them are there (rows are written on a worker
     * right after the answers) or after a bounded number of looks.
     */
    private static List<Map<String, Object>> auditRows(Predicate<Map<String, Object>> match, int expected) {
        List<Map<String, Object>> rows = List.of();
        for (int i = 0; i < 100; i++) {
            rows = given().auth().preemptive().basic("admin", "admin-demo").when().get("/api/audit?limit=1000").then()
                    .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$").stream().filter(match)
                    .toList();
            if (rows.size() >= expected && (expected > 0 || i >= 10)) {
                return rows;
            }
            sleep(50);
        }
        return rows;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
