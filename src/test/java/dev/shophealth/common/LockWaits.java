package dev.shophealth.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/** For tests of two changes of one row: waits until the second one waits for the first one's row lock. */
public final class LockWaits {

    private LockWaits() {
    }

    /**
     * Returns once {@code waiter} waits for a row lock (PostgreSQL: seen in {@code pg_stat_activity}), or after a
     * moment (H2, which waits 2 s at most and shows no waits); fails if it never waits.
     */
    public static void await(DataSource dataSource, CompletableFuture<?> waiter) throws Exception {
        if (!"postgresql".equals(ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class))) {
            Thread.sleep(500);
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement waiting = c.prepareStatement(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")) {
            for (int i = 0; i < 200 && !waiter.isDone(); i++) {
                try (ResultSet r = waiting.executeQuery()) {
                    r.next();
                    if (r.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the change never waited for the row: " + (waiter.isDone() ? waiter.get() : ""));
    }
}
