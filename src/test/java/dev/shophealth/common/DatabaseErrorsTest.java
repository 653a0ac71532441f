package dev.shophealth.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

    private static SQLException fromAgroal(String message, Throwable cause) {
        SQLException e = new SQLException(message, cause);
        e.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.agroal.pool.ConnectionPool", "handlerFromSharedCache", "ConnectionPool.java", 428)});
        return e;
    }

    @Test
    void connectionFailuresAreUnreachableWhereverTheyAreWrapped() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5499 refused", "08001");
        SQLException broken = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertTrue(DatabaseErrors.unreachable(refused));
        assertTrue(DatabaseErrors.unreachable(new PersistenceException(
                new JDBCConnectionException("Unable to acquire JDBC Connection", refused))));
        assertTrue(DatabaseErrors.unreachable(new RuntimeException("commit failed",
                new JDBCConnectionException("JDBC exception executing SQL", broken))));
        assertTrue(DatabaseErrors.unreachable(new SQLTransientConnectionException("gone")));
    }

    @Test
    void aCommitFailureAttachedAsSuppressedCounts() {
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new SQLException("This connection has been closed.", "08003"));
        assertTrue(DatabaseErrors.unreachable(rollback));
    }

    @Test
    void thePoolGivingUpIsUnreachable() {
        assertTrue(DatabaseErrors.unreachable(new PersistenceException(fromAgroal("Sorry, acquisition timeout!", null))));
        assertTrue(DatabaseErrors.unreachable(
                fromAgroal("Acquisition timeout while waiting for new connection", new TimeoutException())));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(DatabaseErrors.unreachable(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));
        assertFalse(DatabaseErrors.unreachable(new SQLException("Sorry, acquisition timeout!")),
                "the same text from elsewhere than the pool");
        assertFalse(DatabaseErrors.unreachable(new IllegalStateException("no database here")));
        assertFalse(DatabaseErrors.unreachable(null));
    }

    @Test
    void uniqueViolationsAndLockConflictsAreConflictingWrites() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint \"shop_pkey\"", "23505");
        assertTrue(DatabaseErrors.conflictingWrite(new PersistenceException(
                new ConstraintViolationException("could not execute statement", duplicate, "shop_pkey"))));
        assertTrue(DatabaseErrors.conflictingWrite(new SQLException("Timeout trying to lock table", "HYT00")));
        assertTrue(DatabaseErrors.conflictingWrite(new SQLException("deadlock detected", "40P01")));
        assertFalse(DatabaseErrors.conflictingWrite(new SQLException("null value in column", "23502")));
        assertFalse(DatabaseErrors.conflictingWrite(new SQLException("Connection refused", "08001")));
    }

    @Test
    void aNulRefusedByPostgresqlIsUnstorableText() {
        SQLException nul = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        assertTrue(DatabaseErrors.unstorableText(new PersistenceException(
                new org.hibernate.exception.DataException("JDBC exception executing SQL", nul))));
        assertFalse(DatabaseErrors.unstorableText(new SQLException("value too long", "22001")));
        assertFalse(DatabaseErrors.unreachable(nul));
    }

    @Test
    void aCauseCycleEnds() {
        SQLException first = new SQLException("first", "42000");
        SQLException second = new SQLException("second", "42000", first);
        first.setNextException(second);
        assertFalse(DatabaseErrors.unreachable(second));
    }
}
