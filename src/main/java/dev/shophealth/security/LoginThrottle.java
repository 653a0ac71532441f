package dev.shophealth.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed logins per user name and per client address in windows of {@link LoginConfig#window()}. A check
 * takes its place in both counts <em>before</em> the password is compared, so concurrent guesses cannot slip past
 * the limit while bcrypt runs; a success gives the address its place back and clears the user's count.
 */
@Singleton
public class LoginThrottle {

    /** Above this many counts, ended windows are dropped (user names are chosen by callers). */
    static final int PURGE_ABOVE = 10_000;

    private record Window(Instant end, int failures) {
    }

    @Inject
    LoginConfig config;

    @Inject
    LoginClock clock;

    private final Map<String, Window> users = new HashMap<>();
    private final Map<String, Window> addresses = new HashMap<>();

    /**
     * Reserves one password check for {@code user} from {@code address}, counted as a failure until
     * {@link #succeeded} says otherwise; or, when either has used up its failures, how long to wait.
     */
    public synchronized Optional<Duration> acquire(String user, String address) {
        Instant now = clock.now();
        Duration wait = max(remaining(users.get(user), config.maxFailuresPerUser(), now),
                remaining(addresses.get(address), config.maxFailuresPerAddress(), now));
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        count(users, user, now, 1);
        count(addresses, address, now, 1);
        if (users.size() + addresses.size() > PURGE_ABOVE) {
            users.values().removeIf(w -> !w.end().isAfter(now));
            addresses.values().removeIf(w -> !w.end().isAfter(now));
        }
        return Optional.empty();
    }

    /** The reserved check succeeded: the user starts again from nothing, the address gets its place back. */
    public synchronized void succeeded(String user, String address) {
        users.remove(user);
        count(addresses, address, clock.now(), -1);
    }

    /** The reserved check could not be made (the user table was unreachable): it counts for neither. */
    public synchronized void cancel(String user, String address) {
        Instant now = clock.now();
        count(users, user, now, -1);
        count(addresses, address, now, -1);
    }

    private void count(Map<String, Window> counts, String key, Instant now, int delta) {
        Window w = counts.get(key);
        if (w == null || !w.end().isAfter(now)) {
            if (delta > 0) {
                counts.put(key, new Window(now.plus(config.window()), delta));
            }
            return;
        }
        int failures = Math.max(0, w.failures() + delta);
        counts.put(key, new Window(w.end(), failures));
    }

    private static Duration remaining(Window w, int max, Instant now) {
        return w == null || w.failures() < max || !w.end().isAfter(now) ? Duration.ZERO : Duration.between(now, w.end());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
