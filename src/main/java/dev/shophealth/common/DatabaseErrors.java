package dev.shophealth.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Recognises database failures by what the driver reported (SQLState, JDBC exception type), wherever Hibernate,
 * Narayana or Agroal wrapped them, so one decision holds on H2 and PostgreSQL alike.
 */
public final class DatabaseErrors {

    /** SQLState class 08: connection exception (refused, closed, broken while in use). */
    private static final String CONNECTION_CLASS = "08";
    /** Unique violation (23505), serialization failure (40001), deadlock (40P01), H2 lock timeout (HYT00). */
    private static final Set<String> WRITE_CONFLICTS = Set.of("23505", "40001", "40P01", "HYT00");
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

    private DatabaseErrors() {
    }

    /**
     * Whether {@code failure} means the database could not be reached: the driver could not connect or lost the
     * connection, or the pool gave up waiting for one. The request may succeed later; the input is not at fault.
     */
    public static boolean unreachable(Throwable failure) {
        return anyCause(failure, DatabaseErrors::isConnectionFailure);
    }

    /**
     * Whether {@code failure} is a write that lost to a concurrent transaction (a unique key inserted by both, a
     * deadlock, a lock wait that timed out): the same work, run again, sees the winner's rows.
     */
    public static boolean conflictingWrite(Throwable failure) {
        return anyCause(failure, t -> t instanceof SQLException e && WRITE_CONFLICTS.contains(e.getSQLState()));
    }

    /**
     * Whether the database refused text the request carried: a character its encoding cannot hold (PostgreSQL and
     * NUL: "invalid byte sequence for encoding UTF8: 0x00", 22021; an untranslatable character, 22P05).
     */
    public static boolean unstorableText(Throwable failure) {
        return anyCause(failure, t -> t instanceof SQLException e && UNSTORABLE_TEXT.contains(e.getSQLState()));
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (!(t instanceof SQLException e)) {
            return false;
        }
        if (e.getSQLState() != null) {
            return e.getSQLState().startsWith(CONNECTION_CLASS);
        }
        // Agroal's acquisition timeouts ("Sorry, acquisition timeout!", "Acquisition timeout while waiting for new
        // connection") carry no SQLState: recognise them by where they were thrown and what they say
        StackTraceElement[] stack = e.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith("io.agroal.pool.")
                && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /** Walks causes and suppressed exceptions (Narayana attaches a commit's failure either way), each once. */
    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        if (failure != null) {
            todo.push(failure);
        }
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (test.test(t)) {
                return true;
            }
            if (t instanceof SQLException e && e.getNextException() != null) {
                todo.push(e.getNextException());
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            for (Throwable s : t.getSuppressed()) {
                todo.push(s);
            }
        }
        return false;
    }
}
