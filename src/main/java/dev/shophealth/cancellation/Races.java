package dev.shophealth.cancellation;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a write that lost a race with a concurrent one (a unique constraint, a row lock, a deadlock) from other
 * database failures, which must keep their own answer (an outage is not a conflict).
 */
final class Races {

    /**
     * SQL states of a lost race: unique violation, serialization failure or deadlock (H2 and PostgreSQL),
     * PostgreSQL's lock not available and deadlock, H2's lock timeout and concurrent update of a uniquely keyed row.
     */
    private static final Set<String> STATES = Set.of("23505", "40001", "40P01", "55P03", "HYT00", "90131");

    private Races() {
    }

    static boolean lost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
