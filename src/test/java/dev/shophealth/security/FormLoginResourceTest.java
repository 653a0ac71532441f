package dev.shophealth.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web pages' login form goes through the same password check as HTTP Basic: the same users, the same throttle
 * (failures by form and by Basic count together) and the same audit rows; a session cookie signs the user in.
 */
@QuarkusTest
class FormLoginResourceTest {

    @Inject
    LoginConfig config;

    @Inject
    UserPasswords passwords;

    /**
     * A user of its own, so its throttled minute hinders no other test. The login clock is left alone:
     * LoginResourceTest moves it forward from where it is, and moving it here as well sent it back and forth.
     */
    @BeforeEach
    void user() {
        passwords.apply(List.of(new UserPasswords.ConfiguredUser("form-throttled", Roles.REVIEWER, null,
                "form-throttled-password", true)));
    }

    /** As a browser does: the login page first, then the form posted. */
    private static Response form(String user, String password) {
        given().when().get("/login").then().statusCode(200);
        return given().redirects().follow(false).formParam("j_username", user).formParam("j_password", password)
                .when().post("/j_security_check");
    }

    @Test
    void theRightPasswordGivesASessionCookieAndTheWrongOneTheLoginPageAgain() {
        Response ok = form("merchant-S1002", "merchant-demo");
        assertEquals(302, ok.statusCode(), () -> ok.headers() + "\n" + ok.body().asString());
        String session = ok.cookie("shophealth-session");
        assertNotNull(session);
        given().redirects().follow(false).cookie("shophealth-session", session).when().get("/").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/shop"));

        Response wrong = form("merchant-S1002", "not-the-password");
        assertEquals(302, wrong.statusCode(), () -> "a wrong password goes back to the login page: " + wrong.headers());
        assertTrue(wrong.header("Location").endsWith("/login?error=1"), wrong.header("Location"));
        assertNull(wrong.cookie("shophealth-session"));
    }

    @Test
    void formFailuresThrottleBasicLoginsOfTheSameUserAndAreAudited() {
        // given: five wrong passwords through the form
        for (int i = 0; i < config.maxFailuresPerUser(); i++) {
            assertTrue(form("form-throttled", "form-guess-" + i).header("Location").endsWith("/login?error=1"));
        }

        // then: the right password is refused unchecked, by the form and by Basic alike
        Response throttled = form("form-throttled", "form-throttled-password");
        assertTrue(throttled.header("Location").endsWith("/login?error=1"));
        assertNull(throttled.cookie("shophealth-session"));
        given().auth().preemptive().basic("form-throttled", "form-throttled-password").when().get("/api/orders?size=1")
                .then().statusCode(429);

        // and the audit log holds one row with the form's failures
        List<Map<String, Object>> rows = List.of();
        for (int i = 0; i < 100 && rows.isEmpty(); i++) {
            rows = given().auth().preemptive().basic("admin", "admin-demo").when().get("/api/audit?limit=1000").then()
                    .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$").stream()
                    .filter(r -> "form-throttled".equals(r.get("actor")) && "LOGIN_FAILED".equals(r.get("action"))
                            && String.valueOf(r.get("detail")).startsWith("5 failed"))
                    .toList();
            if (rows.isEmpty()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        assertEquals(1, rows.size(), rows.toString());
    }
}
