package dev.shophealth.dataimport;

import dev.shophealth.order.Shop;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Pattern;

/** Shops: {@code id,name,category}. */
@ApplicationScoped
public class ShopImporter implements RecordImporter<ShopImporter.ShopRow> {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /** One shop row. */
    public record ShopRow(String id, String name, String category) {
        static ShopRow of(Shop s) {
            return new ShopRow(s.id, s.name, s.category);
        }

        void applyTo(Shop s) {
            s.id = id;
            s.name = name;
            s.category = category;
        }
    }

    @Override
    public String kind() {
        return "shops";
    }

    @Override
    public List<String> columns() {
        return List.of("id", "name", "category");
    }

    @Override
    public ShopRow parse(RowParser row, ImportContext context) {
        String id = row.text("id", 32);
        if (id != null && !ID.matcher(id).matches()) {
            row.fail("id", "may hold only letters, digits, '-' and '_'");
        }
        return new ShopRow(id, row.text("name", 200), row.text("category", 100));
    }

    @Override
    public String key(ShopRow record) {
        return record.id();
    }

    @Override
    public ChunkWriter<ShopRow> writer(ImportContext context) {
        return new ChunkWriter.Entities<>(ShopImporter::stored, ShopImporter::write);
    }

    private static java.util.Set<String> stored(java.util.List<ShopRow> rows) {
        return Upserts.stored(Shop.class, "id", rows.stream().map(ShopRow::id).toList(),
                (Shop x) -> x.id);
    }

    private static WriteResult write(ShopRow r, java.util.Set<String> stored) {
        return Upserts.upsert(r.id(), stored, k -> Shop.<Shop>findById(k), Shop::new, ShopRow::of, r,
                ShopRow::applyTo);
    }
}
