package dev.shophealth.dataimport;

import dev.shophealth.common.AfterCommit;
import dev.shophealth.common.DatabaseKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Refreshes PostgreSQL's planner statistics of a table a large import wrote, once the import has committed. Without
 * them the planner guesses from an empty table's and reads the 10,000-shop set's per-day counts with a sort spilled to
 * disk: one shop's health took 25 ms instead of 11, the ranked list 870 ms instead of 590 (autovacuum, which would
 * analyze later, is off on some servers and is minutes late on any). Runs on a worker thread in a transaction of its
 * own, so the import holds no lock for it; a failure costs only the statistics.
 */
@ApplicationScoped
public class TableStatistics {

    /** Rows an import must write to a table before its statistics are worth a refresh (about a second of ANALYZE). */
    static final long AFTER_ROWS = 100_000;
    /** {@code analyze} without a table: all of them. */
    private static final String EVERYTHING = "";
    private static final Logger LOG = Logger.getLogger(TableStatistics.class);

    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    ManagedExecutor executor;
    @Inject
    EntityManager em;

    @Inject
    DatabaseKind database;

    /** Notes that the current transaction wrote {@code rows} rows of {@code table} (a name from code, never input). */
    void written(String table, long rows) {
        if (table != null && rows >= AFTER_ROWS) {
            refresh(table);
        }
    }

    /**
     * Refreshes the statistics of every table once the current transaction commits: after a load of a whole data
     * set (the sample), whose screenings fill tables no import writes.
     */
    public void everything() {
        refresh(EVERYTHING);
    }

    /** Once per transaction and table, whatever the number of imports in it (the sample loads eight kinds in one). */
    private void refresh(String table) {
        if (!database.postgres()) {
            return;
        }
        @SuppressWarnings("unchecked")
        java.util.Set<String> tables = (java.util.Set<String>) transactions.getResource(TableStatistics.class);
        if (tables == null) {
            java.util.Set<String> registered = new java.util.LinkedHashSet<>();
            transactions.putResource(TableStatistics.class, registered);
            AfterCommit.run(transactions, () -> executor.execute(() -> analyze(registered)));
            tables = registered;
        }
        tables.add(table);
    }

    private void analyze(java.util.Set<String> tables) {
        for (String table : tables.contains(EVERYTHING) ? java.util.Set.of(EVERYTHING) : tables) {
            try {
                long started = System.nanoTime();
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze " + table).executeUpdate());
                LOG.infof("Analyzed %s after an import in %d ms", table.isEmpty() ? "every table" : table,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not analyze %s after an import; the planner keeps its older statistics", table);
            }
        }
    }
}
