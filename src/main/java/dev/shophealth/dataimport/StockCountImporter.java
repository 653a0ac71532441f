package dev.shophealth.dataimport;

import dev.shophealth.order.StockCount;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Warehouse stock counts: {@code sku,countedQuantity,countedAt}; one count per sku and moment. */
@ApplicationScoped
public class StockCountImporter implements RecordImporter<StockCountImporter.StockCountRow> {

    /** One stock count row. */
    public record StockCountRow(String sku, Integer countedQuantity, Instant countedAt) {
        static StockCountRow of(StockCount c) {
            return new StockCountRow(c.sku, c.countedQuantity, c.countedAt);
        }

        void applyTo(StockCount c) {
            c.sku = sku;
            c.countedQuantity = countedQuantity;
            c.countedAt = countedAt;
        }
    }

    @Override
    public String kind() {
        return "stock-counts";
    }

    @Override
    public List<String> columns() {
        return List.of("sku", "countedQuantity", "countedAt");
    }

    @Override
    public StockCountRow parse(RowParser row, ImportContext context) {
        var r = new StockCountRow(row.text("sku", 64), row.integer("countedQuantity", 0, 100_000_000),
                row.instant("countedAt"));
        if (r.sku() != null && context.productShop(r.sku()).isEmpty()) {
            row.fail("sku", "no product '" + r.sku() + "'");
        }
        return r;
    }

    @Override
    public String key(StockCountRow record) {
        return record.sku() + "@" + record.countedAt();
    }

    @Override
    public WriteResult write(StockCountRow r) {
        StockCount existing = StockCount.find("sku = ?1 and countedAt = ?2", r.sku(), r.countedAt()).firstResult();
        return Upserts.upsert(existing, StockCount::new, StockCountRow::of, r, StockCountRow::applyTo);
    }
}
