package dev.shophealth.cancellation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An Idempotency-Key is looked up only once the order was found visible to the caller: a merchant who sends another
 * shop's stored key and body gets the 404 of an unknown order, not that shop's stored answer.
 */
@QuarkusTest
@Tag("persistence")
class ReplayScopeTest {

    @Test
    void anotherShopsMerchantCannotReplayAStoredAnswer() {
        // the fixture imports as an administrator; the requests carry the merchants' own tokens
        var previous = RestAssured.authentication;
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-demo");
        try {
            ShopFixture.shop("T9501").product("T9501-A", 10).order("T9501-1", "T9501-A", 8, 10).load();
        } finally {
            RestAssured.authentication = previous;
        }
        String owner = merchant("T9501");
        String other = merchant("S1001");
        Requests.outOfStock("T9501-1").warehouseStock(5).contacted().key("key-T9501").as(owner).post()
                .statusCode(201).header("Idempotent-Replayed", "false");
        long count = Cancellation.count();
        // the same key and body from a merchant who cannot see the order: not found, the stored answer stays hidden
        Requests.outOfStock("T9501-1").warehouseStock(5).contacted().key("key-T9501").as(other).post()
                .statusCode(404).body("detail", not(containsString("T9501-A")));
        Requests.outOfStock("T9501-1").warehouseStock(5).contacted().key("key-T9501").as(owner).post()
                .statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(count, Cancellation.count());
    }

    private static String merchant(String shop) {
        return Jwt.issuer("https://shop-health.test").upn("merchant-of-" + shop).groups(Set.of("MERCHANT"))
                .claim("shops", List.of(shop)).sign();
    }
}
