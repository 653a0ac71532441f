package dev.shophealth.security;

import io.quarkus.security.AuthenticationFailedException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The two ways a Basic login fails here, told apart by attributes (the framework's exception is final): wrong
 * credentials, already counted for the throttle and the audit log (401); and a login refused unchecked because its
 * user or address failed too often (429 with {@code Retry-After}).
 */
final class LoginFailures {

    private static final String COUNTED = "shophealth.login.counted";
    private static final String RETRY_AFTER = "shophealth.login.retry-after";

    private LoginFailures() {
    }

    static AuthenticationFailedException wrongCredentials() {
        return new AuthenticationFailedException("The user name or password is wrong", Map.of(COUNTED, true));
    }

    static AuthenticationFailedException throttled(Duration wait) {
        // whole seconds, at least one: Retry-After has no fractions
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new AuthenticationFailedException("Too many failed logins", Map.of(COUNTED, true, RETRY_AFTER, seconds));
    }

    /** Whether the failure was counted where the password was checked (a refused bearer token was not). */
    static boolean counted(AuthenticationFailedException e) {
        return e.getAttributes() != null && Boolean.TRUE.equals(e.getAttributes().get(COUNTED));
    }

    /** The seconds to wait, for a throttled login. */
    static Optional<Long> retryAfterSeconds(AuthenticationFailedException e) {
        return Optional.ofNullable(e.getAttributes()).map(a -> (Long) a.get(RETRY_AFTER));
    }
}
