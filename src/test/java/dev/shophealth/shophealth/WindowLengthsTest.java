package dev.shophealth.shophealth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shophealth.order.ShopOrder;
import dev.shophealth.ruleset.CopiedRulesProfile;
import dev.shophealth.ruleset.RulesetRegistry;
import dev.shophealth.ruleset.engine.RulesFolder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The windows a shop is judged over are the active ruleset's parameters, not constants: a ruleset with a 14-day
 * long window counts the shop's orders over 14 days, and its report shows that window.
 */
@QuarkusTest
@Tag("persistence")
@TestProfile(CopiedRulesProfile.class)
@TestSecurity(user = "analyst", roles = "ANALYST")
class WindowLengthsTest {

    @Inject
    RulesetRegistry registry;

    @AfterEach
    void restoreRules() {
        RulesFolder.copyInto(CopiedRulesProfile.DIR);
        registry.reload();
    }

    @Test
    void aReportCountsOverTheLengthsOfTheActiveRuleset() {
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertEquals(List.of("7d", "30d", "90d"), keys(report(asOf)));

        RulesFolder.copyInto(CopiedRulesProfile.DIR).replace("parameters.yaml", "longWindowDays: 30", "longWindowDays: 14")
                .replace("parameters.yaml", "ratingWindowDays: 90", "ratingWindowDays: 120");
        assertEquals(true, registry.reload().changed());

        JsonPath report = report(asOf);
        assertEquals(List.of("7d", "14d", "120d"), keys(report));
        for (int days : new int[] {7, 14, 120}) {
            assertEquals(ordersOf("S1002", asOf, days), report.getLong("metrics.'" + days + "d'.orders"), days + "d");
        }
    }

    private static JsonPath report(Instant asOf) {
        return given().when().get("/api/shops/S1002/health?asOf=" + asOf).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> keys(JsonPath report) {
        return List.copyOf(report.getMap("metrics").keySet().stream().map(Object::toString).toList());
    }

    @jakarta.transaction.Transactional
    long ordersOf(String shopId, Instant asOf, int days) {
        return ShopOrder.count("shopId = ?1 and placedAt > ?2 and placedAt <= ?3", shopId,
                asOf.minus(Duration.ofDays(days)), asOf);
    }
}
