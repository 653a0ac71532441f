package dev.shophealth.dataimport;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Buyer reviews: {@code orderNo,stars,text,reviewedAt}; one per order, not before the order was placed. */
@ApplicationScoped
public class ReviewImporter implements RecordImporter<ReviewImporter.ReviewRow> {

    /** One review row. */
    public record ReviewRow(String orderNo, Integer stars, String text, Instant reviewedAt) {
    }

    /** Keyed by its order, so it belongs to that order's shop for good. */
    static final BulkTable<ReviewRow> TABLE = BulkTable.of("review", 1, ReviewRow.class)
            .text("order_no", ReviewRow::orderNo).integer("stars", ReviewRow::stars).text("text", ReviewRow::text)
            .instant("reviewed_at", ReviewRow::reviewedAt)
            .read(v -> new ReviewRow(v.text(0), v.integer(1), v.text(2), v.instant(3)))
            .shop((r, context) -> context.order(r.orderNo()).map(ImportContext.OrderRef::shopId).orElse(null));

    @Override
    public String kind() {
        return "reviews";
    }

    @Override
    public List<String> columns() {
        return List.of("orderNo", "stars", "text", "reviewedAt");
    }

    @Override
    public void prefetch(List<Row> rows, ImportContext context) {
        context.loadOrders(RecordImporter.values(rows, "orderNo"));
    }

    @Override
    public ReviewRow parse(RowParser row, ImportContext context) {
        var r = new ReviewRow(row.text("orderNo", 64), row.integer("stars", 1, 5), row.optionalText("text", 2000),
                row.instant("reviewedAt"));
        FeedbackChecks.orderBefore(row, context, r.orderNo(), "reviewedAt", r.reviewedAt());
        return r;
    }

    @Override
    public dev.shophealth.cancellation.ShopDayCounts.Kind counted() {
        return dev.shophealth.cancellation.ShopDayCounts.Kind.REVIEWS;
    }

    @Override
    public String key(ReviewRow record) {
        return record.orderNo();
    }

    @Override
    public ChunkWriter<ReviewRow> writer(ImportContext context) {
        return new BulkWriter<>(TABLE, this::key, context);
    }
}
