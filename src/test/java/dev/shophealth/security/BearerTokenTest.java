package dev.shophealth.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Bearer tokens (JWT) as production would configure them: roles from "groups", a merchant's shops from "shops". */
@QuarkusTest
@Tag("persistence")
class BearerTokenTest {

    static final String ISSUER = "https://shop-health.test";

    private static String token(String user, String role, List<String> shops) {
        var builder = Jwt.issuer(ISSUER).upn(user).groups(Set.of(role));
        return (shops == null ? builder : builder.claim("shops", shops)).sign();
    }

    @Test
    void aMerchantTokenSeesItsShopsOnly() {
        String merchant = token("merchant-token", Roles.MERCHANT, List.of("S1001"));
        given().auth().oauth2(merchant).when().get("/api/shops/S1001/health").then().statusCode(200);
        given().auth().oauth2(merchant).when().get("/api/shops/S1002/health").then().statusCode(404);
        given().auth().oauth2(merchant).when().get("/api/orders?size=100").then().statusCode(200)
                .body("items.shopId", everyItem(equalTo("S1001")));
        given().auth().oauth2(merchant).when().get("/api/rulesets/active").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anAnalystTokenManagesRules() {
        given().auth().oauth2(token("analyst-token", Roles.ANALYST, null)).when().get("/api/rulesets/active").then()
                .statusCode(200);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        String forged = Jwt.issuer("https://evil.example").upn("x").groups(Set.of(Roles.ADMIN)).sign();
        given().auth().oauth2(forged).when().get("/api/audit").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
