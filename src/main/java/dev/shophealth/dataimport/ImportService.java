package dev.shophealth.dataimport;

import dev.shophealth.common.FieldError;
import dev.shophealth.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validates every row of a file before writing any, then upserts them all in one transaction: one bad row
 * rejects the whole file and nothing is written.
 */
@ApplicationScoped
public class ImportService {

    /** A file with more faults than this lists only the first ones. */
    static final int MAX_LISTED_ERRORS = 50;
    private static final int FLUSH_EVERY = 1000;

    private final Map<String, RecordImporter<?>> importers = new TreeMap<>();

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
        for (Row row : rows) {
            RowParser parser = new RowParser(row);
            unknownColumns(importer, row).forEach(c -> parser.fail(c, "is not a column of " + importer.kind()
                    + "; columns are " + importer.columns()));
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
            for (int i = 0; i < records.size(); i++) {
                counts.merge(importer.write(records.get(i)), 1, Integer::sum);
                if (i % FLUSH_EVERY == FLUSH_EVERY - 1) {
                    // keeps the persistence context small on large files (benchmark data sets)
                    em.flush();
                    em.clear();
                }
            }
        }
        return new ImportReport(importer.kind(), format, rows.size(),
                counts.getOrDefault(RecordImporter.WriteResult.CREATED, 0),
                counts.getOrDefault(RecordImporter.WriteResult.UPDATED, 0),
                counts.getOrDefault(RecordImporter.WriteResult.UNCHANGED, 0), dryRun);
    }

    private static List<String> unknownColumns(RecordImporter<?> importer, Row row) {
        return row.values().keySet().stream().filter(c -> !importer.columns().contains(c)).toList();
    }
}
