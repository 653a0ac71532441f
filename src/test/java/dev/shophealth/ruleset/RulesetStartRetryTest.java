package dev.shophealth.ruleset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A start-up whose ruleset check runs out of time (here: a limit no check can meet, as a busy machine's first check in
 * a cold JVM may pass 30 s) is not the end: the service stays not ready and tries again at its interval, where before
 * it gave up and stayed not ready until someone reloaded by hand.
 */
@QuarkusTest
@TestProfile(RulesetStartRetryTest.TooShort.class)
class RulesetStartRetryTest {

    /** Every check times out; the start is tried again every 200 ms. */
    public static class TooShort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shophealth.rules.check-timeout", "1ms", "shophealth.rules.start-retry-interval", "200ms",
                    "shophealth.sample-data.load", "false");
        }
    }

    @Inject
    Scheduler scheduler;
    @Inject
    MeterRegistry meters;

    @Test
    void aStartUpCheckThatRanOutOfTimeIsTriedAgain() throws InterruptedException {
        assertNotNull(scheduler.getScheduledJob(RulesetRegistry.START_RETRY), "the retry is scheduled");
        double first = attempts();

        for (int i = 0; i < 300 && attempts() < first + 2; i++) {
            Thread.sleep(100);
        }

        assertTrue(attempts() >= first + 2, "tried again at least twice: " + attempts() + " after " + first);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'ruleset' }.data.reason", equalTo("no ruleset has loaded"));
    }

    private double attempts() {
        var timer = meters.find("shophealth.ruleset.reloads").tags("kind", "STARTUP", "outcome", "rejected").timer();
        return timer == null ? 0 : timer.count();
    }
}
