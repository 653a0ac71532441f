package dev.shophealth.dataimport;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Warehouse stock counts: {@code sku,countedQuantity,countedAt}; one count per sku and moment. */
@ApplicationScoped
public class StockCountImporter implements RecordImporter<StockCountImporter.StockCountRow> {

    /** One stock count row. */
    public record StockCountRow(String sku, Integer countedQuantity, Instant countedAt) {
    }

    /** Keyed by sku and moment (the table's unique key); a stock count feeds no shop's day counts. */
    static final BulkTable<StockCountRow> TABLE = BulkTable.of("stock_count", 2, StockCountRow.class)
            .text("sku", StockCountRow::sku).instant("counted_at", StockCountRow::countedAt)
            .integer("counted_quantity", StockCountRow::countedQuantity)
            .read(v -> new StockCountRow(v.text(0), v.integer(2), v.instant(1)));

    @Override
    public String kind() {
        return "stock-counts";
    }

    @Override
    public List<String> columns() {
        return List.of("sku", "countedQuantity", "countedAt");
    }

    @Override
    public void prefetch(List<Row> rows, ImportContext context) {
        context.loadProducts(RecordImporter.values(rows, "sku"));
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
    public ChunkWriter<StockCountRow> writer(ImportContext context) {
        return new BulkWriter<>(TABLE, this::key, context);
    }
}
