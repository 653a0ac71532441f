package dev.shophealth.dataimport;

import java.util.EnumMap;
import java.util.Map;

/**
 * Writes the validated records of one import in chunks, in the import's transaction, while the rows after them are
 * still being validated: a later bad row rolls the transaction back, so nothing of the file stays written.
 */
interface ChunkWriter<R> {

    /** Takes a validated record; writes a chunk when one is full. */
    void add(R record);

    /** Writes what is left and answers how many records were created, updated or found unchanged. */
    Map<RecordImporter.WriteResult, Integer> finish();

    /** The upsert of every kind: chunks of records through Hibernate, as {@link RecordImporter#write} does it. */
    final class Entities<R> implements ChunkWriter<R> {
        static final int CHUNK = 1000;

        private final RecordImporter<R> importer;
        private final ImportContext context;
        private final java.util.List<R> chunk = new java.util.ArrayList<>(CHUNK);
        private final Map<RecordImporter.WriteResult, Integer> counts = new EnumMap<>(RecordImporter.WriteResult.class);

        Entities(RecordImporter<R> importer, ImportContext context) {
            this.importer = importer;
            this.context = context;
        }

        @Override
        public void add(R record) {
            chunk.add(record);
            if (chunk.size() == CHUNK) {
                write();
            }
        }

        @Override
        public Map<RecordImporter.WriteResult, Integer> finish() {
            write();
            return counts;
        }

        private void write() {
            if (chunk.isEmpty()) {
                return;
            }
            var em = io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
            // the shops the stored records belong to before the update (a record may move to another shop)...
            context.touched(importer.storedShops(chunk));
            // one query finds which of the chunk's keys are stored; a new record needs no look-up of its own
            java.util.Set<String> stored = importer.stored(chunk);
            for (R record : chunk) {
                counts.merge(importer.write(record, stored), 1, Integer::sum);
            }
            // inserts go out in JDBC batches; the persistence context stays small on large files
            em.flush();
            // ...and the shops they belong to now
            context.touched(importer.storedShops(chunk));
            em.clear();
            chunk.clear();
        }
    }
}
