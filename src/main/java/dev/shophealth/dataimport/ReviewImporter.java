package dev.shophealth.dataimport;

import dev.shophealth.order.Review;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Buyer reviews: {@code orderNo,stars,text,reviewedAt}; one per order, not before the order was placed. */
@ApplicationScoped
public class ReviewImporter implements RecordImporter<ReviewImporter.ReviewRow> {

    /** One review row. */
    public record ReviewRow(String orderNo, Integer stars, String text, Instant reviewedAt) {
        static ReviewRow of(Review r) {
            return new ReviewRow(r.orderNo, r.stars, r.text, r.reviewedAt);
        }

        void applyTo(Review r) {
            r.orderNo = orderNo;
            r.stars = stars;
            r.text = text;
            r.reviewedAt = reviewedAt;
        }
    }

    @Override
    public String kind() {
        return "reviews";
    }

    @Override
    public List<String> columns() {
        return List.of("orderNo", "stars", "text", "reviewedAt");
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

    /** A review's key is its order: it cannot move to another shop. */
    @Override
    public java.util.Set<String> storedShops(List<ReviewRow> rows) {
        return RecordImporter.shops("select distinct o.shopId from ShopOrder o where o.orderNo in :keys",
                rows.stream().map(ReviewRow::orderNo).toList());
    }

    @Override
    public java.util.Set<String> stored(java.util.List<ReviewRow> rows) {
        return Upserts.stored(Review.class, "orderNo", rows.stream().map(ReviewRow::orderNo).toList(),
                (Review x) -> x.orderNo);
    }

    @Override
    public WriteResult write(ReviewRow r, java.util.Set<String> stored) {
        return Upserts.upsert(r.orderNo(), stored, k -> Review.<Review>findById(k), Review::new, ReviewRow::of, r,
                ReviewRow::applyTo);
    }

    @Override
    public WriteResult write(ReviewRow r) {
        return Upserts.upsert(Review.findById(r.orderNo()), Review::new, ReviewRow::of, r, ReviewRow::applyTo);
    }
}
