package dev.shophealth.dataimport;

import java.util.List;

/**
 * Imports one kind of record. {@link #parse} validates a row completely (values and references) without writing;
 * the {@link #writer} upserts by the record's natural key, so importing the same file twice changes nothing.
 */
public interface RecordImporter<R> {

    /** The path name of the kind, e.g. {@code orders}. */
    String kind();

    /** The columns (CSV header / JSON field names) this kind accepts; the required ones are checked by parse. */
    List<String> columns();

    /**
     * Looks up, in a few queries, what the rows about to be parsed refer to (their orders, their products), so that
     * {@link #parse} finds it in {@code context} instead of querying row by row. Nothing by default.
     */
    default void prefetch(List<Row> rows, ImportContext context) {
    }

    /** The typed record, or null when the row has errors (recorded in {@code row}). */
    R parse(RowParser row, ImportContext context);

    /** The natural key: two rows of one file with the same key are refused. */
    String key(R record);

    /**
     * Writes this kind's validated records in the import's transaction, noting the shops it touches in
     * {@code context}: through Hibernate for the small kinds, by COPY or JDBC batches for the large ones.
     */
    ChunkWriter<R> writer(ImportContext context);

    /** The per-day counts records of this kind feed ({@code ShopDayCounts}); null when they feed none. */
    default dev.shophealth.cancellation.ShopDayCounts.Kind counted() {
        return null;
    }

    /** The values a column has in {@code rows}, each once, blanks left out: the keys a prefetch looks up. */
    static List<String> values(List<Row> rows, String column) {
        return rows.stream().map(r -> r.values().get(column)).filter(v -> v != null && !v.isBlank())
                .map(String::strip).distinct().toList();
    }

    /** What an upsert did. */
    enum WriteResult {
        CREATED, UPDATED, UNCHANGED
    }
}
