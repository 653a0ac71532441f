package dev.shophealth.dataimport;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** The one upsert of every importer: compare the stored entity's view with the row, write only when they differ. */
final class Upserts {

    private Upserts() {
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
