package dev.shophealth.dataimport;

import dev.shophealth.cancellation.ShopDayCounts;
import dev.shophealth.common.DatabaseErrors;
import dev.shophealth.common.FieldError;
import dev.shophealth.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Validates every row of a file before writing any, then upserts them all in one transaction: one bad row
 * rejects the whole file and nothing is written.
 */
@ApplicationScoped
public class ImportService {

    /** A file with more faults than this lists only the first ones. */
    static final int MAX_LISTED_ERRORS = 50;
    /** An import of a million rows takes tens of seconds; the default transaction timeout is a minute. */
    private static final int TIMEOUT_SECONDS = 3600;
    /** How often a file whose writes collide with a concurrent import is tried before it answers 409. */
    static final int ATTEMPTS = 3;
    /** Rows whose references (orders, products) are looked up together, in one query. */
    private static final int READ_AHEAD = 1000;
    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final Map<String, RecordImporter<?>> importers = new TreeMap<>();

    @Inject
    ShopDayCounts dayCounts;

    @Inject
    TableStatistics statistics;

    @Inject
    jakarta.enterprise.event.Event<ImportedShops> importedShops;

    @Inject
    ImportService(Instance<RecordImporter<?>> all) {
        all.forEach(i -> importers.put(i.kind(), i));
    }

    public List<String> kinds() {
        return List.copyOf(importers.keySet());
    }

    /** Fails with 404 unless {@code kind} is a record kind that can be imported. */
    public void requireKind(String kind) {
        if (!importers.containsKey(kind)) {
            throw ProblemException.notFound("No record kind '" + kind + "'; kinds are " + kinds());
        }
    }

    /**
     * Imports a file in a transaction of its own. When an import of the same records commits meanwhile, this one's
     * inserts collide with its rows (a unique key, a lock); the file is then imported again and finds them stored,
     * so two identical imports at the same time both succeed, the second one changing nothing. A file that keeps
     * colliding answers 409 with nothing of it written.
     */
    public ImportReport importFile(String kind, String format, List<Row> rows, boolean dryRun) {
        return importFile(kind, format, () -> RowSource.of(rows), dryRun, ImportProgress.none());
    }

    /**
     * Imports the rows {@code file} reads (opened again for each attempt), reporting its progress to
     * {@code progress}; a cancel asked there rolls the import back.
     */
    ImportReport importFile(String kind, String format, Supplier<RowSource> file, boolean dryRun,
            ImportProgress progress) {
        requireKind(kind);
        for (int attempt = 1; ; attempt++) {
            try (RowSource rows = file.get()) {
                progress.rows.set(0);
                return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS)
                        .call(() -> run(importers.get(kind), format, rows, dryRun, progress));
            } catch (RuntimeException e) {
                if (!DatabaseErrors.conflictingWrite(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw ProblemException.conflict("Other imports kept writing the same " + kind + " at the same time; "
                            + "nothing of this file was imported. Send it again: records already stored stay as they are.");
                }
                LOG.debugf("Import of %s collided with a concurrent import (attempt %d); importing again", kind,
                        Integer.valueOf(attempt));
            }
        }
    }

    /** Imports {@code rows} in the caller's transaction, or in a new one (the sample data loads in one for all kinds). */
    @Transactional
    public ImportReport importRows(String kind, String format, List<Row> rows, boolean dryRun) {
        requireKind(kind);
        return run(importers.get(kind), format, RowSource.of(rows), dryRun, ImportProgress.none());
    }

    /**
     * Counts the rows of a file, up to {@code limit}, without validating them; a file malformed before the limit
     * fails as its import would.
     */
    long count(Supplier<RowSource> file, long limit) {
        long n = 0;
        try (RowSource rows = file.get()) {
            while (n < limit && rows.next() != null) {
                n++;
            }
        }
        return n;
    }

    /**
     * Reads, validates and writes every row in the current transaction: records are written in chunks while the
     * rows after them are validated, and the first bad row stops the writing; any bad row throws, so the
     * transaction rolls back and nothing of the file stays.
     */
    private <R> ImportReport run(RecordImporter<R> importer, String format, RowSource file, boolean dryRun,
            ImportProgress progress) {
        ImportContext context = new ImportContext();
        RowSource rows = file.readAhead(READ_AHEAD, batch -> importer.prefetch(batch, context));
        List<FieldError> errors = new ArrayList<>();
        int faults = 0;
        Map<String, Integer> firstLineOfKey = new HashMap<>();
        ChunkWriter<R> writer = dryRun ? null : importer.writer(context);
        java.util.Set<String> columns = java.util.Set.copyOf(importer.columns());
        // rows of a CSV file share one set of columns: judged once per distinct set, not per row
        Map<java.util.Set<String>, List<String>> unknownBySet = new HashMap<>();
        java.util.Set<String> lastSet = null;
        List<String> lastUnknown = List.of();
        int count = 0;
        for (Row row = rows.next(); row != null; row = rows.next()) {
            count++;
            if ((count & 1023) == 0) {
                progress.rows.set(count);
                if (progress.cancelled.get()) {
                    throw new ImportProgress.Cancelled();
                }
            }
            RowParser parser = new RowParser(row);
            java.util.Set<String> keys = row.values().keySet();
            if (keys != lastSet) {
                lastUnknown = unknownBySet.computeIfAbsent(keys, k -> unknownColumns(columns, k));
                lastSet = keys;
            }
            lastUnknown.forEach(c -> parser.fail(c, "is not a column of " + importer.kind() + "; columns are "
                    + importer.columns()));
            R record = importer.parse(parser, context);
            if (record != null && parser.errors().isEmpty()) {
                Integer earlier = firstLineOfKey.putIfAbsent(importer.key(record), row.line());
                if (earlier != null) {
                    parser.fail("key", "'" + importer.key(record) + "' appears already on line " + earlier);
                }
            }
            if (!parser.errors().isEmpty()) {
                faults += parser.errors().size();
                if (errors.size() < MAX_LISTED_ERRORS) {
                    errors.addAll(parser.errors());
                }
            } else if (writer != null && faults == 0) {
                writer.add(record);
            }
        }
        progress.rows.set(count);
        if (count == 0) {
            throw new ProblemException(400, "Invalid file", "The file has no data rows",
                    List.of(new FieldError("file", "has no data rows")));
        }
        if (faults > 0) {
            FieldError first = errors.get(0);
            throw new ProblemException(400, "Invalid file",
                    faults + " problem(s), the first on line " + first.line() + " in " + first.field() + ": "
                            + first.message() + ". Nothing was imported.",
                    errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS)));
        }
        Map<RecordImporter.WriteResult, Integer> counts = writer == null ? Map.of() : writer.finish();
        if (progress.cancelled.get()) {
            // a cancel that came after the last row still rolls back: it was answered as accepted
            throw new ImportProgress.Cancelled();
        }
        if (writer != null) {
            statistics.written(writer.table(), counts.getOrDefault(RecordImporter.WriteResult.CREATED, 0)
                    + counts.getOrDefault(RecordImporter.WriteResult.UPDATED, 0));
            touched(importer, context.touchedShops());
        }
        return new ImportReport(importer.kind(), format, count,
                counts.getOrDefault(RecordImporter.WriteResult.CREATED, 0),
                counts.getOrDefault(RecordImporter.WriteResult.UPDATED, 0),
                counts.getOrDefault(RecordImporter.WriteResult.UNCHANGED, 0), dryRun);
    }

    /**
     * Called once at the end of every import that writes, in its transaction, after all its writes and before its
     * commit, with the shops whose records it created, changed or left as they were (see
     * {@link ImportContext#touchedShops()}). A failure here rolls the whole import back.
     */
    void touched(RecordImporter<?> importer, java.util.Set<String> shopIds) {
        String kind = importer.kind();
        LOG.debugf("Import of %s touched %d shop(s)", kind, Integer.valueOf(shopIds.size()));
        ShopDayCounts.Kind counted = importer.counted();
        if (counted != null) {
            // the per-day counts of the shops touched, recounted in this transaction; an order moved to another
            // shop takes its feedback along, so an import of orders recounts everything of its shops
            int rows = dayCounts.rebuild(counted == ShopDayCounts.Kind.ORDERS ? List.of(ShopDayCounts.Kind.values())
                    : List.of(counted), shopIds);
            statistics.written("shop_day_count", rows);
        }
        importedShops.fire(new ImportedShops(kind, java.util.Set.copyOf(shopIds)));
    }

    private static List<String> unknownColumns(java.util.Set<String> columns, java.util.Set<String> keys) {
        return keys.stream().filter(c -> !columns.contains(c)).toList();
    }
}
