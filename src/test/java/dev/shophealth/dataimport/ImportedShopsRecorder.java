package dev.shophealth.dataimport;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records what imports fire at their end ({@link ImportedShops}), and whether their transaction was still open; throws
 * at the next end the error a test sets in {@link #failNext}. A singleton: the test reads its fields, which a client proxy (application scope) would not pass on.
 */
@Singleton
public class ImportedShopsRecorder {

    final List<ImportedShops> seen = new CopyOnWriteArrayList<>();
    final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();
    final AtomicReference<Error> failNext = new AtomicReference<>();

    @Inject
    TransactionManager transactions;

    void on(@Observes ImportedShops shops) throws SystemException {
        seen.add(shops);
        inTransaction.add(transactions.getStatus() == Status.STATUS_ACTIVE);
        Error error = failNext.getAndSet(null);
        if (error != null) {
            throw error;
        }
    }
}
