package dev.shophealth.dataimport;

import dev.shophealth.order.Complaint;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Buyer complaints: {@code orderNo,text,complainedAt}; one per order and moment. */
@ApplicationScoped
public class ComplaintImporter implements RecordImporter<ComplaintImporter.ComplaintRow> {

    /** One complaint row. */
    public record ComplaintRow(String orderNo, String text, Instant complainedAt) {
        static ComplaintRow of(Complaint c) {
            return new ComplaintRow(c.orderNo, c.text, c.complainedAt);
        }

        void applyTo(Complaint c) {
            c.orderNo = orderNo;
            c.text = text;
            c.complainedAt = complainedAt;
        }
    }

    @Override
    public String kind() {
        return "complaints";
    }

    @Override
    public List<String> columns() {
        return List.of("orderNo", "text", "complainedAt");
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

    /** A complaint's key holds its order: it cannot move to another shop. */
    @Override
    public java.util.Set<String> storedShops(List<ComplaintRow> rows) {
        return RecordImporter.shops("select distinct o.shopId from ShopOrder o where o.orderNo in :keys",
                rows.stream().map(ComplaintRow::orderNo).distinct().toList());
    }

    @Override
    public WriteResult write(ComplaintRow r) {
        Complaint existing = Complaint.find("orderNo = ?1 and complainedAt = ?2", r.orderNo(), r.complainedAt())
                .firstResult();
        return Upserts.upsert(existing, Complaint::new, ComplaintRow::of, r, ComplaintRow::applyTo);
    }
}
