package dev.shophealth.security;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/** The time login throttling and its audit go by; tests move it forward instead of waiting for a window to end. */
@Singleton
public class LoginClock {

    private volatile Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant();
    }

    /** For tests: the clock to go by from now on. */
    void use(Clock clock) {
        this.clock = clock;
    }
}
