package dev.shophealth.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every error has the one problem+json shape, and nothing of Java leaks into it. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "ADMIN")
class ProblemResourceTest {

    @Test
    void unknownPathIsAProblem() {
        given().when().get("/api/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("title", equalTo("Not found"));
    }

    @Test
    void wrongMethodIsAProblem() {
        given().when().delete("/api/orders").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void bodiesNeverNameJavaClasses() {
        given().contentType("application/json").body("[{\"id\": ").when().post("/api/import/shops")
                .then().statusCode(400).body(not(containsString("Exception"))).body(not(containsString("dev.shophealth")));
    }

    @Test
    void anOversizedBodyIsAProblem413AndNothingIsRead() {
        byte[] body = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        // imports have a limit of their own (shophealth.import.max-body-size, ImportJobResourceTest)
        given().contentType("application/zip").body(body).when().post("/api/rulesets").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413))
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void aTooLongUriIsAProblem414() {
        given().when().get("/api/orders/" + "x".repeat(5000)).then().statusCode(414)
                .contentType("application/problem+json").body("status", equalTo(414))
                .body("type", equalTo("/problems/uri-too-long")).body("errors[0].field", equalTo("uri"));
        given().queryParam("product", "y".repeat(8000)).when().get("/api/orders").then().statusCode(414)
                .contentType("application/problem+json");
    }

    @Test
    void tooLargeHeadersAreAProblem431() {
        given().header("X-Padding", "z".repeat(30_000)).when().get("/api/orders").then().statusCode(431)
                .contentType("application/problem+json").body("status", equalTo(431))
                .body("type", equalTo("/problems/headers-too-large")).body("errors[0].field", equalTo("headers"));
        given().header("X-A", "a".repeat(12_000)).header("X-B", "b".repeat(12_000)).when().get("/api/orders")
                .then().statusCode(431).contentType("application/problem+json");
    }

    @Test
    void aRequestTheRouterRefusesIsAProblemToo() throws Exception {
        // "*" is no path: the HTTP router refuses it before RESTEasy sees it
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.getOutputStream().write("GET * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer, startsWith("HTTP/1.1 404"));
            assertThat(answer, containsString("application/problem+json"));
            assertThat(answer, containsString("\"status\":404"));
        }
    }

    @Test
    void healthOpenApiAndSwaggerAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/orders"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
