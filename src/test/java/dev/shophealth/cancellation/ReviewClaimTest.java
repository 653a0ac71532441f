package dev.shophealth.cancellation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.shophealth.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two reviewers never work the same request twice: a claim keeps others from claiming or deciding it while it
 * holds; and a reviewer who decides against the screening's suggestion must say why.
 */
@QuarkusTest
@Tag("persistence")
class ReviewClaimTest {

    private static final String WANG = token("wang", Roles.REVIEWER);
    private static final String ZHAO = token("zhao", Roles.REVIEWER);
    private static final String ADMIN = token("li", Roles.ADMIN);

    /** Fixtures and submissions go as an admin; each reviewer's calls name their own token. */
    @org.junit.jupiter.api.BeforeEach
    void asAdmin() {
        io.restassured.RestAssured.authentication = io.restassured.RestAssured.oauth2(ADMIN);
    }

    @org.junit.jupiter.api.AfterEach
    void reset() {
        io.restassured.RestAssured.authentication = io.restassured.RestAssured.DEFAULT_AUTH;
    }

    private static String token(String user, String role) {
        return Jwt.issuer("https://shop-health.test").upn(user).groups(Set.of(role)).sign();
    }

    private static ValidatableResponse as(String token, String method, String path, String body) {
        var spec = given().auth().oauth2(token);
        if (body != null) {
            spec = spec.contentType("application/json").body(body);
        }
        return spec.when().request(method, path).then();
    }

    /** A request the evidence backs (counted stock short of the order) sent to a person: no buyer contact. */
    private static String backedButUncontacted(String shop) {
        ShopFixture.shop(shop).product(shop + "-A", 10).order(shop + "-1", shop + "-A", 8, 10).load();
        return Requests.outOfStock(shop + "-1").warehouseStock(5).as(ADMIN).post().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("screening.suggestedVerdict", equalTo("APPROVE")).extract().path("id");
    }

    @Test
    void aClaimKeepsOtherReviewersFromClaimingAndDeciding() {
        String id = backedButUncontacted("T9131");
        String path = "/api/cancellations/" + id;
        as(WANG, "POST", path + "/claim", null).statusCode(200)
                .body("claim.reviewer", equalTo("wang")).body("claim.until", notNullValue());
        // the queue shows who works on it
        as(ZHAO, "GET", "/api/cancellations?status=PENDING_REVIEW&shopId=T9131", null).statusCode(200)
                .body("items[0].claim.reviewer", equalTo("wang"));

        as(ZHAO, "POST", path + "/claim", null).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("claimed by wang"));
        as(ZHAO, "POST", path + "/review", "{\"verdict\": \"APPROVE\"}").statusCode(409)
                .body("detail", containsString("claimed by wang"));
        as(ZHAO, "DELETE", path + "/claim", null).statusCode(409);
        as(ZHAO, "GET", path, null).statusCode(200).body("status", equalTo("PENDING_REVIEW"));

        // released, the request is anyone's again; the decision ends the claim
        as(WANG, "DELETE", path + "/claim", null).statusCode(200).body("claim", nullValue());
        as(ZHAO, "POST", path + "/claim", null).statusCode(200).body("claim.reviewer", equalTo("zhao"));
        as(ZHAO, "POST", path + "/review", "{\"verdict\": \"APPROVE\"}").statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("reviewer:zhao"))
                .body("claim", nullValue());
        as(WANG, "POST", path + "/claim", null).statusCode(409).body("detail", containsString("APPROVED"));
    }

    @Test
    void overrulingTheScreeningNeedsANote() {
        String id = backedButUncontacted("T9132");
        String review = "/api/cancellations/" + id + "/review";
        as(WANG, "POST", review, "{\"verdict\": \"REJECT\"}").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("note"))
                .body("errors[0].message", containsString("suggests APPROVE"));
        as(WANG, "POST", review, "{\"verdict\": \"REJECT\", \"note\": \"   \"}").statusCode(400);
        // nothing was written: the request still waits, unclaimed and undecided
        as(WANG, "GET", "/api/cancellations/" + id, null).statusCode(200).body("status", equalTo("PENDING_REVIEW"))
                .body("decidedBy", nullValue());
        as(WANG, "POST", review, "{\"verdict\": \"REJECT\", \"note\": \"买家已收到补发 The buyer got a replacement\"}")
                .statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void withoutASuggestionEitherDecisionNeedsNoNote() {
        ShopFixture.shop("T9133").product("T9133-A", 10).order("T9133-1", "T9133-A", 2, 10).load();
        String id = Requests.outOfStock("T9133-1").contacted().as(ADMIN).post().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW")).body("screening.suggestedVerdict", nullValue())
                .extract().path("id");
        as(WANG, "POST", "/api/cancellations/" + id + "/review", "{\"verdict\": \"REJECT\"}").statusCode(200);
    }
}
