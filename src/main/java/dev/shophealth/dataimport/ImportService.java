package dev.shophealth.dataimport;

import dev.shophealth.cancellation.ShopDayCounts;
import dev.shophealth.common.DatabaseErrors;
import dev.shophealth.common.FieldError;
import dev.shophealth.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Validates every row of a file before writing any, then upserts them all in one transaction: one bad row
 * rejects the whole file and nothing is written.
 */
@ApplicationScoped
public class ImportService {

    /** A file with more faults than this lists only the first ones. */
    static final int MAX_LISTED_ERRORS = 50;
    private static final int FLUSH_EVERY = 1000;
    /** How often a file whose writes collide with a concurrent import is tried before it answers 409. */
    static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final Map<String, RecordImporter<?>> importers = new TreeMap<>();

    @Inject
    ShopDayCounts dayCounts;

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
        requireKind(kind);
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> run(importers.get(kind), format, rows, dryRun));
            } catch (RuntimeException e) {
                if (!DatabaseErrors.conflictingWrite(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw ProblemException.conflict("Other imports kept writing the same " + kind + " at the same time; "
                            + "nothing of this file was imported. Send it again: records already stored stay as they are.");
                }
                LOG.debugf("Import of %d %s collided with a concurrent import (attempt %d); importing again",
                        Integer.valueOf(rows.size()), kind, Integer.valueOf(attempt));
            }
        }
    }

    /** Imports {@code rows} in the caller's transaction, or in a new one (the sample data loads in one for all kinds). */
    @Transactional
    public ImportReport importRows(String kind, String format, List<Row> rows, boolean dryRun) {
        requireKind(kind);
        return run(importers.get(kind), format, rows, dryRun);
    }

    private <R> ImportReport run(RecordImporter<R> importer, String format, List<Row> rows, boolean dryRun) {
        if (rows.isEmpty()) {
            throw new ProblemException(400, "Invalid file", "The file has no data rows",
                    List.of(new FieldError("file", "has no data rows")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<R> records = new ArrayList<>(rows.size());
        Map<String, Integer> firstLineOfKey = new HashMap<>();
        ImportContext context = new ImportContext();
        java.util.Set<String> columns = java.util.Set.copyOf(importer.columns());
        // rows of a CSV file share one set of columns: judged once per distinct set, not per row
        Map<java.util.Set<String>, List<String>> unknownBySet = new HashMap<>();
        for (Row row : rows) {
            RowParser parser = new RowParser(row);
            unknownBySet.computeIfAbsent(row.values().keySet(), keys -> unknownColumns(columns, keys))
                    .forEach(c -> parser.fail(c, "is not a column of " + importer.kind() + "; columns are "
                            + importer.columns()));
            R record = importer.parse(parser, context);
            if (record != null && parser.errors().isEmpty()) {
                Integer earlier = firstLineOfKey.putIfAbsent(importer.key(record), row.line());
                if (earlier != null) {
                    parser.fail("key", "'" + importer.key(record) + "' appears already on line " + earlier);
                }
            }
            errors.addAll(parser.errors());
            records.add(record);
        }
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            throw new ProblemException(400, "Invalid file",
                    errors.size() + " problem(s), the first on line " + first.line() + " in " + first.field() + ": "
                            + first.message() + ". Nothing was imported.",
                    errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS)));
        }
        Map<RecordImporter.WriteResult, Integer> counts = new EnumMap<>(RecordImporter.WriteResult.class);
        if (!dryRun) {
            EntityManager em = Panache.getEntityManager();
            ShopDayCounts.Kind counted = importer.counted();
            java.util.Set<String> shops = new java.util.HashSet<>();
            for (int from = 0; from < records.size(); from += FLUSH_EVERY) {
                List<R> chunk = records.subList(from, Math.min(records.size(), from + FLUSH_EVERY));
                // one query finds which of the chunk's keys are stored; a new record needs no look-up of its own
                java.util.Set<String> stored = importer.stored(chunk);
                if (counted != null) {
                    // the shops stored records belong to before the update: a record may move to another shop
                    shops.addAll(dayCounts.shopsOf(counted, chunk.stream()
                            .filter(r -> stored == null || stored.contains(importer.key(r))).map(importer::shopKey)
                            .toList()));
                }
                for (R record : chunk) {
                    counts.merge(importer.write(record, stored), 1, Integer::sum);
                }
                // inserts go out in JDBC batches; the persistence context stays small on large files
                em.flush();
                if (counted != null) {
                    shops.addAll(dayCounts.shopsOf(counted, chunk.stream().map(importer::shopKey).toList()));
                }
                em.clear();
            }
            if (counted != null) {
                // the per-day counts of the shops touched, recounted in this transaction; an order moved to another
                // shop takes its feedback along, so an import of orders recounts everything of its shops
                dayCounts.rebuild(counted == ShopDayCounts.Kind.ORDERS ? List.of(ShopDayCounts.Kind.values())
                        : List.of(counted), shops);
            }
        }
        return new ImportReport(importer.kind(), format, rows.size(),
                counts.getOrDefault(RecordImporter.WriteResult.CREATED, 0),
                counts.getOrDefault(RecordImporter.WriteResult.UPDATED, 0),
                counts.getOrDefault(RecordImporter.WriteResult.UNCHANGED, 0), dryRun);
    }

    private static List<String> unknownColumns(java.util.Set<String> columns, java.util.Set<String> keys) {
        return keys.stream().filter(c -> !columns.contains(c)).toList();
    }
}
