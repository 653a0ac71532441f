package dev.shophealth.cancellation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A screening whose order another transaction holds (a stuck writer, a long manual session) waits a bounded time and
 * answers 409 — it never hangs: PostgreSQL would wait for ever without the connections' lock_timeout.
 */
@QuarkusTest
@Tag("persistence")
@TestSecurity(user = "li", roles = "ADMIN")
class OrderLockWaitTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aScreeningOfALockedOrderAnswers409WithinTheLockWait() throws Exception {
        ShopFixture.shop("T9401").product("T9401-A", 10).order("T9401-1", "T9401-A", 2, 10).load();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "select order_no from shop_order where order_no = ? for update")) {
                lock.setString(1, "T9401-1");
                lock.executeQuery().close();
            }
            Instant start = Instant.now();
            Requests.outOfStock("T9401-1").contacted().post().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("being processed"));
            Duration waited = Duration.between(start, Instant.now());
            assertTrue(waited.compareTo(Duration.ofSeconds(OrderCancellation.LOCK_WAIT_SECONDS + 20)) < 0,
                    "waited " + waited);
            holder.rollback();
        }
        // once the holder is gone the same request goes through
        Requests.outOfStock("T9401-1").contacted().post().statusCode(201);
    }
}
