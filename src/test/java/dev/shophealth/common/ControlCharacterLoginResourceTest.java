package dev.shophealth.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A user name with a NUL reaches the database before any resource runs (the credential check): PostgreSQL refuses
 * the text, which answered 500; now it is a client error on either database (401 on H2, where the name is simply
 * unknown; 400 on PostgreSQL), never a 5xx.
 */
@QuarkusTest
@Tag("persistence")
class ControlCharacterLoginResourceTest {

    @Test
    void aNulInTheUserNameIsAClientError() {
        String credentials = Base64.getEncoder().encodeToString("adm\u0000in:admin-demo".getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Basic " + credentials).when().get("/api/orders/DY1002009999")
                .then().statusCode(anyOf(equalTo(400), equalTo(401))).contentType(Problem.MEDIA_TYPE);
    }
}
