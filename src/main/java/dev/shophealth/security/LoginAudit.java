package dev.shophealth.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Failed logins in the audit log, one row per user name, client address and window with its counts — not one row
 * per attempt, which under attack would be thousands. The row is written on a worker soon after the first failure
 * and updated as more come; a burst needs one write per worker turn, not one per attempt.
 */
@Singleton
public class LoginAudit {

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    /** The actor of an address's refused logins that belong to no user's row. */
    static final String ANY_USER = "(any user)";
    /** Above this many rows in memory, those of ended windows are forgotten. */
    static final int FORGET_ABOVE = 1_000;
    private static final Logger LOG = Logger.getLogger(LoginAudit.class);

    private record Key(String user, String address, long window) {
    }

    /** The counts of one row; {@code pending} while a write of it is queued. */
    private static final class Tally {
        final Instant first;
        final Object writing = new Object();
        int failed;
        int refused;
        boolean pending;
        Long rowId;

        Tally(Instant first) {
            this.first = first;
        }
    }

    @Inject
    Audit audit;

    @Inject
    ManagedExecutor workers;

    @Inject
    LoginConfig config;

    @Inject
    LoginClock clock;

    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();

    private long window(Instant at) {
        return at.toEpochMilli() / config.window().toMillis();
    }

    /** A login whose credentials were wrong (or a token that was refused). */
    public void failed(String user, String address) {
        meters.counter("shophealth.logins.failed", "outcome", "wrong-credentials").increment();
        add(user, address, false);
    }

    /**
     * A login refused unchecked because its user or address failed too often: counted in the row of its user's
     * failures when there is one in this window, else in one row for the address, so that trying ever new user
     * names from a throttled address adds no rows.
     */
    public void refused(String user, String address) {
        meters.counter("shophealth.logins.failed", "outcome", "throttled").increment();
        long window = window(clock.now());
        add(tallies.containsKey(new Key(user, address, window)) ? user : ANY_USER, address, true);
    }

    private void add(String user, String address, boolean refused) {
        Instant now = clock.now();
        Key key = new Key(user, address, window(now));
        Tally tally = tallies.computeIfAbsent(key, k -> new Tally(now));
        boolean schedule;
        synchronized (tally) {
            if (refused) {
                tally.refused++;
            } else {
                tally.failed++;
            }
            schedule = !tally.pending;
            tally.pending = true;
        }
        if (schedule) {
            workers.runAsync(() -> write(key, tally));
        }
    }

    private void write(Key key, Tally tally) {
        // one write of a row at a time, so the first one's id is known to the next
        synchronized (tally.writing) {
            int failed;
            int refused;
            synchronized (tally) {
                tally.pending = false;
                failed = tally.failed;
                refused = tally.refused;
            }
            try {
                tally.rowId = audit.loginFailures(tally.rowId, key.user(), key.address(), tally.first,
                        failed + " failed, " + refused + " refused while throttled, in the " + config.window()
                                + " window from " + tally.first);
            } catch (RuntimeException e) {
                LOG.warnf("Could not write the failed logins of %s from %s to the audit log: %s", key.user(),
                        key.address(), e.getMessage());
            }
        }
        if (tallies.size() > FORGET_ABOVE) {
            long current = window(clock.now());
            tallies.entrySet().removeIf(e -> e.getKey().window() < current && !e.getValue().pending);
        }
    }
}
