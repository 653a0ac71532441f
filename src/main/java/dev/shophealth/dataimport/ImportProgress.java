package dev.shophealth.dataimport;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** How far an import is: rows read and validated so far; a job's cancel is asked here and read between rows. */
public final class ImportProgress {

    /** The progress of an import nobody watches. */
    static ImportProgress none() {
        return new ImportProgress();
    }

    final AtomicLong rows = new AtomicLong();
    final AtomicBoolean cancelled = new AtomicBoolean();

    public long rows() {
        return rows.get();
    }

    public void cancel() {
        cancelled.set(true);
    }

    /** Thrown in the import's thread when its job was cancelled: the transaction rolls back. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
