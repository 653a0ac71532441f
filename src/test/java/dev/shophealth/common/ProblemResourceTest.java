package dev.shophealth.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
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
        given().contentType("text/csv").body(body).when().post("/api/import/shops").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413))
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void healthOpenApiAndSwaggerAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/orders"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
