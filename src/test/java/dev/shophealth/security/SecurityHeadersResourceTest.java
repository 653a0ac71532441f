package dev.shophealth.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The security headers are on every answer: success, each kind of error, and Swagger UI with a CSP of its own. */
@QuarkusTest
class SecurityHeadersResourceTest {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private static ValidatableResponse hardened(ValidatableResponse answer) {
        return answer.header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }

    private static void api(ValidatableResponse answer) {
        hardened(answer).header("Content-Security-Policy", API_CSP).header("Cache-Control", "no-store");
    }

    @Test
    void aSuccess() {
        api(given().auth().preemptive().basic("admin", "admin-demo").when().get("/api/orders?size=1").then()
                .statusCode(200));
    }

    @Test
    void aFailedLogin() {
        api(given().auth().preemptive().basic("nobody-at-all", "wrong").when().get("/api/orders").then().statusCode(401));
    }

    @Test
    void anUnknownPath() {
        api(given().auth().preemptive().basic("admin", "admin-demo").when().get("/api/nothing-here").then()
                .statusCode(404));
        hardened(given().when().get("/nothing-here").then().statusCode(404)).header("Content-Security-Policy", API_CSP);
    }

    @Test
    void aBodyTooLarge() {
        byte[] body = new byte[21 * 1024 * 1024];
        Arrays.fill(body, (byte) 'a');
        api(given().auth().preemptive().basic("admin", "admin-demo").contentType("application/zip").body(body).when()
                .post("/api/rulesets").then().statusCode(413));
    }

    @Test
    void healthIsHardened() {
        hardened(given().when().get("/q/health/ready").then().statusCode(200))
                .header("Content-Security-Policy", API_CSP);
    }

    @Test
    void swaggerUiHasAPolicyThatLetsItsPageRun() {
        hardened(given().when().get("/q/swagger-ui/").then().statusCode(200))
                .header("Content-Security-Policy", containsString("script-src 'self' 'unsafe-inline'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.not(containsString("default-src 'none'")));
        given().when().get("/q/openapi").then().statusCode(200).header("Content-Security-Policy", equalTo(API_CSP));
    }
}
