package dev.shophealth.dataimport;

import java.util.List;

/**
 * Imports one kind of record. {@link #parse} validates a row completely (values and references) without writing;
 * {@link #write} upserts by the record's natural key, so importing the same file twice changes nothing.
 */
public interface RecordImporter<R> {

    /** The path name of the kind, e.g. {@code orders}. */
    String kind();

    /** The columns (CSV header / JSON field names) this kind accepts; the required ones are checked by parse. */
    List<String> columns();

    /** The typed record, or null when the row has errors (recorded in {@code row}). */
    R parse(RowParser row, ImportContext context);

    /** The natural key: two rows of one file with the same key are refused. */
    String key(R record);

    WriteResult write(R record);

    /**
     * The keys of {@code records} that are stored already, found with one query per chunk, their entities left in
     * the persistence context; null when this kind looks each record up as it writes it.
     */
    default java.util.Set<String> stored(List<R> records) {
        return null;
    }

    /** Writes a record of a chunk whose stored keys are {@code stored} (see {@link #stored}). */
    default WriteResult write(R record, java.util.Set<String> stored) {
        return write(record);
    }

    /**
     * The shops that stored records with the keys of {@code records} belong to, by one query: called before a chunk
     * is written and after, it gives the shops an import touched. Empty for kinds that belong to no shop's daily
     * record (shops, products, stock counts).
     */
    default java.util.Set<String> storedShops(List<R> records) {
        return java.util.Set.of();
    }

    /** The per-day counts records of this kind feed ({@code ShopDayCounts}); null when they feed none. */
    default dev.shophealth.cancellation.ShopDayCounts.Kind counted() {
        return null;
    }

    /** The shops of {@code query}'s results, its one parameter {@code keys}. */
    static java.util.Set<String> shops(String query, List<String> keys) {
        if (keys.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createQuery(query, String.class).setParameter("keys", keys).getResultList());
    }

    /** What an upsert did. */
    enum WriteResult {
        CREATED, UPDATED, UNCHANGED
    }
}
