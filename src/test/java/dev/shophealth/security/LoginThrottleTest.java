package dev.shophealth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The throttle's counting, on a clock the test sets. */
class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle();
    private final LoginClock clock = new LoginClock();
    private final Instant start = Instant.parse("2026-11-26T10:00:00Z");

    @BeforeEach
    void configure() {
        throttle.clock = clock;
        throttle.config = new LoginConfig() {
            public int maxFailuresPerUser() {
                return 5;
            }

            public int maxFailuresPerAddress() {
                return 20;
            }

            public Duration window() {
                return Duration.ofMinutes(1);
            }
        };
        at(start);
    }

    private void at(Instant instant) {
        clock.use(Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void checksStillRunningCountAlready() {
        // ten guesses at once, none finished: only five may reach the password check
        long allowed = IntStream.range(0, 10).mapToObj(i -> throttle.acquire("admin", "10.0.0.1"))
                .filter(Optional::isEmpty).count();
        assertEquals(5, allowed);
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.acquire("admin", "10.0.0.2"));
    }

    @Test
    void theWaitIsWhatIsLeftOfTheWindowAndThenTheCountStartsAgain() {
        IntStream.range(0, 5).forEach(i -> throttle.acquire("admin", "10.0.0.1"));
        at(start.plusSeconds(45));
        assertEquals(Optional.of(Duration.ofSeconds(15)), throttle.acquire("admin", "10.0.0.1"));
        at(start.plusSeconds(60));
        assertTrue(throttle.acquire("admin", "10.0.0.1").isEmpty());
    }

    @Test
    void successesGiveBackTheirPlace() {
        for (int i = 0; i < 50; i++) {
            assertTrue(throttle.acquire("admin", "10.0.0.1").isEmpty(), "check " + i);
            throttle.succeeded("admin", "10.0.0.1");
        }
    }

    @Test
    void theAddressLimitSpansUsers() {
        IntStream.range(0, 20).forEach(i -> throttle.acquire("user-" + i, "10.0.0.1"));
        assertTrue(throttle.acquire("someone-else", "10.0.0.1").isPresent());
        assertTrue(throttle.acquire("someone-else", "10.0.0.2").isEmpty());
    }

    @Test
    void aCheckThatCouldNotBeMadeCountsForNothing() {
        IntStream.range(0, 5).forEach(i -> {
            throttle.acquire("admin", "10.0.0.1");
            throttle.cancel("admin", "10.0.0.1");
        });
        assertTrue(throttle.acquire("admin", "10.0.0.1").isEmpty());
    }
}
