package dev.shophealth.dataimport;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Buyer complaints: {@code orderNo,text,complainedAt}; one per order and moment. */
@ApplicationScoped
public class ComplaintImporter implements RecordImporter<ComplaintImporter.ComplaintRow> {

    /** One complaint row. */
    public record ComplaintRow(String orderNo, String text, Instant complainedAt) {
    }

    /** Keyed by order and moment (the table's unique key), so it belongs to that order's shop for good. */
    static final BulkTable<ComplaintRow> TABLE = BulkTable.of("complaint", 2, ComplaintRow.class)
            .text("order_no", ComplaintRow::orderNo).instant("complained_at", ComplaintRow::complainedAt)
            .text("text", ComplaintRow::text)
            .read(v -> new ComplaintRow(v.text(0), v.text(2), v.instant(1)))
            .shop((r, context) -> context.order(r.orderNo()).map(ImportContext.OrderRef::shopId).orElse(null));

    @Override
    public String kind() {
        return "complaints";
    }

    @Override
    public List<String> columns() {
        return List.of("orderNo", "text", "complainedAt");
    }

    @Override
    public void prefetch(List<Row> rows, ImportContext context) {
        context.loadOrders(RecordImporter.values(rows, "orderNo"));
    }

    @Override
    public ComplaintRow parse(RowParser row, ImportContext context) {
        var r = new ComplaintRow(row.text("orderNo", 64), row.text("text", 2000), row.instant("complainedAt"));
        FeedbackChecks.orderBefore(row, context, r.orderNo(), "complainedAt", r.complainedAt());
        return r;
    }

    @Override
    public dev.shophealth.cancellation.ShopDayCounts.Kind counted() {
        return dev.shophealth.cancellation.ShopDayCounts.Kind.COMPLAINTS;
    }

    @Override
    public String key(ComplaintRow record) {
        return record.orderNo() + "@" + record.complainedAt();
    }

    @Override
    public ChunkWriter<ComplaintRow> writer(ImportContext context) {
        return new BulkWriter<>(TABLE, this::key, context);
    }
}
