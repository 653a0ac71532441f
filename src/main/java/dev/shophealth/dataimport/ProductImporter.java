package dev.shophealth.dataimport;

import dev.shophealth.order.Product;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Products: {@code sku,shopId,name,listedStock}; the shop must exist. */
@ApplicationScoped
public class ProductImporter implements RecordImporter<ProductImporter.ProductRow> {

    /** One product row. */
    public record ProductRow(String sku, String shopId, String name, Integer listedStock) {
        static ProductRow of(Product p) {
            return new ProductRow(p.sku, p.shopId, p.name, p.listedStock);
        }

        void applyTo(Product p) {
            p.sku = sku;
            p.shopId = shopId;
            p.name = name;
            p.listedStock = listedStock;
        }
    }

    @Override
    public String kind() {
        return "products";
    }

    @Override
    public List<String> columns() {
        return List.of("sku", "shopId", "name", "listedStock");
    }

    @Override
    public ProductRow parse(RowParser row, ImportContext context) {
        var r = new ProductRow(row.text("sku", 64), row.text("shopId", 32), row.text("name", 300),
                row.integer("listedStock", 0, 100_000_000));
        if (r.shopId() != null && !context.shopExists(r.shopId())) {
            row.fail("shopId", "no shop '" + r.shopId() + "'");
        }
        if (r.sku() != null && r.shopId() != null) {
            context.productShop(r.sku()).filter(s -> !s.equals(r.shopId()))
                    .ifPresent(s -> row.fail("shopId", "sku '" + r.sku() + "' belongs to shop '" + s + "'"));
        }
        return r;
    }

    @Override
    public String key(ProductRow record) {
        return record.sku();
    }

    @Override
    public ChunkWriter<ProductRow> writer(ImportContext context) {
        return new ChunkWriter.Entities<>(ProductImporter::stored, ProductImporter::write);
    }

    private static java.util.Set<String> stored(java.util.List<ProductRow> rows) {
        return Upserts.stored(Product.class, "sku", rows.stream().map(ProductRow::sku).toList(),
                (Product p) -> p.sku);
    }

    private static WriteResult write(ProductRow r, java.util.Set<String> stored) {
        return Upserts.upsert(r.sku(), stored, k -> Product.<Product>findById(k), Product::new, ProductRow::of, r,
                ProductRow::applyTo);
    }
}
