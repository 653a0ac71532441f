package dev.shophealth.security;

import static io.restassured.RestAssured.given;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Passwords from configuration replace what the database holds, as production applies them at start. */
@QuarkusTest
@Tag("persistence")
class UserPasswordsTest {

    @Inject
    UserPasswords passwords;

    @Test
    void aRotatedPasswordWorksAndTheDemoPasswordNoLonger() {
        // given: a user left by quarkus:dev with the demo password, which has just been used (and remembered)
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser user = new AppUser();
            user.username = "rotated-reviewer";
            user.role = Roles.REVIEWER;
            user.password = BcryptUtil.bcryptHash("reviewer-demo");
            user.persist();
        });
        given().auth().preemptive().basic("rotated-reviewer", "reviewer-demo").when().get("/api/orders?size=1")
                .then().statusCode(200);

        // when: the start applies the password from the environment
        passwords.apply(List.of(new UserPasswords.ConfiguredUser("rotated-reviewer", Roles.REVIEWER, null,
                "a-new-secret-from-env", true)));

        // then
        given().auth().preemptive().basic("rotated-reviewer", "a-new-secret-from-env").when().get("/api/orders?size=1")
                .then().statusCode(200);
        given().auth().preemptive().basic("rotated-reviewer", "reviewer-demo").when().get("/api/orders?size=1")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aMissingUserIsCreatedOnlyWhenAsked() {
        passwords.apply(List.of(
                new UserPasswords.ConfiguredUser("made-analyst", Roles.ANALYST, null, "made-secret", true),
                new UserPasswords.ConfiguredUser("merchant-S9999", Roles.MERCHANT, "S9999", "m-secret", false)));

        given().auth().preemptive().basic("made-analyst", "made-secret").when().get("/api/rulesets/active")
                .then().statusCode(200);
        given().auth().preemptive().basic("merchant-S9999", "m-secret").when().get("/api/orders")
                .then().statusCode(401);
    }
}
