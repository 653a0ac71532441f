package dev.shophealth.dataimport;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** The one upsert of every importer: compare the stored entity's view with the row, write only when they differ. */
final class Upserts {

    private Upserts() {
    }

    /**
     * Loads the stored entities among {@code keys} (their id field {@code idField}) with one query, leaving them in
     * the persistence context so that a {@code findById} of one of them does not query again; returns their keys.
     */
    static <E> java.util.Set<String> stored(Class<E> type, String idField, java.util.List<String> keys,
            Function<E, String> id) {
        java.util.Set<String> found = new java.util.HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createQuery("select e from " + type.getSimpleName() + " e where e." + idField + " in :keys", type)
                .setParameter("keys", keys).getResultStream().forEach(e -> found.add(id.apply(e)));
        return found;
    }

    /** The upsert of a record whose key is known to be stored (or not) already: no look-up for a new one. */
    static <E extends PanacheEntityBase, R> RecordImporter.WriteResult upsert(String key, java.util.Set<String> stored,
            Function<String, E> find, Supplier<E> create, Function<E, R> view, R row, BiConsumer<R, E> apply) {
        E existing = stored == null || stored.contains(key) ? find.apply(key) : null;
        return upsert(existing, create, view, row, apply);
    }

    static <E extends PanacheEntityBase, R> RecordImporter.WriteResult upsert(E existing, Supplier<E> create,
            Function<E, R> view, R row, BiConsumer<R, E> apply) {
        if (existing == null) {
            E entity = create.get();
            apply.accept(row, entity);
            entity.persist();
            return RecordImporter.WriteResult.CREATED;
        }
        if (view.apply(existing).equals(row)) {
            return RecordImporter.WriteResult.UNCHANGED;
        }
        apply.accept(row, existing);
        return RecordImporter.WriteResult.UPDATED;
    }
}
