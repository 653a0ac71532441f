package dev.shophealth.dataimport;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Writes the validated records of one import in chunks, in the import's transaction, while the rows after them are
 * still being validated: a later bad row rolls the transaction back, so nothing of the file stays written. The
 * chunking and the counts live here; a subclass says how one chunk is written ({@link #write(List)}).
 */
abstract class ChunkWriter<R> {

    private final int size;
    private final List<R> chunk;
    private final Map<RecordImporter.WriteResult, Integer> counts = new EnumMap<>(RecordImporter.WriteResult.class);

    ChunkWriter(int size) {
        this.size = size;
        this.chunk = new ArrayList<>(size);
    }

    /** Takes a validated record; writes a chunk when one is full. */
    final void add(R record) {
        chunk.add(record);
        if (chunk.size() == size) {
            flushChunk();
        }
    }

    /** Writes what is left and answers how many records were created, updated or found unchanged. */
    final Map<RecordImporter.WriteResult, Integer> finish() {
        flushChunk();
        return counts;
    }

    /** The table a large import's statistics are refreshed for ({@link TableStatistics}); none by default. */
    String table() {
        return null;
    }

    /** Writes one chunk (never empty), counting each record's result with {@link #count}. */
    protected abstract void write(List<R> records);

    protected final void count(RecordImporter.WriteResult result, int n) {
        counts.merge(result, n, Integer::sum);
    }

    private void flushChunk() {
        if (!chunk.isEmpty()) {
            write(chunk);
            chunk.clear();
        }
    }

    /**
     * The upsert of the small kinds (shops, products), which feed no shop's day counts: chunks of records through
     * Hibernate entities ({@link Upserts}), one query per chunk finding which of its keys are stored.
     */
    static final class Entities<R> extends ChunkWriter<R> {
        static final int CHUNK = 1000;

        private final Function<List<R>, Set<String>> stored;
        private final BiFunction<R, Set<String>, RecordImporter.WriteResult> upsert;

        Entities(Function<List<R>, Set<String>> stored, BiFunction<R, Set<String>, RecordImporter.WriteResult> upsert) {
            super(CHUNK);
            this.stored = stored;
            this.upsert = upsert;
        }

        @Override
        protected void write(List<R> records) {
            var em = io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
            Set<String> keys = stored.apply(records);
            for (R record : records) {
                count(upsert.apply(record, keys), 1);
            }
            // inserts go out in JDBC batches; the persistence context stays small on large files
            em.flush();
            em.clear();
        }
    }
}
