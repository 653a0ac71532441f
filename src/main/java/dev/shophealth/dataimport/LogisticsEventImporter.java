package dev.shophealth.dataimport;

import dev.shophealth.order.LogisticsEvent;
import dev.shophealth.order.LogisticsKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Logistics events: {@code eventId,orderNo,region,kind,detail,occurredAt}, about an order or a region (one of them). */
@ApplicationScoped
public class LogisticsEventImporter implements RecordImporter<LogisticsEventImporter.LogisticsEventRow> {

    /** One logistics event row. */
    public record LogisticsEventRow(String eventId, String orderNo, String region, LogisticsKind kind, String detail,
            Instant occurredAt) {
        static LogisticsEventRow of(LogisticsEvent e) {
            return new LogisticsEventRow(e.eventId, e.orderNo, e.region, e.kind, e.detail, e.occurredAt);
        }

        void applyTo(LogisticsEvent e) {
            e.eventId = eventId;
            e.orderNo = orderNo;
            e.region = region;
            e.kind = kind;
            e.detail = detail;
            e.occurredAt = occurredAt;
        }
    }

    @Override
    public String kind() {
        return "logistics-events";
    }

    @Override
    public List<String> columns() {
        return List.of("eventId", "orderNo", "region", "kind", "detail", "occurredAt");
    }

    @Override
    public LogisticsEventRow parse(RowParser row, ImportContext context) {
        var r = new LogisticsEventRow(row.text("eventId", 64), row.optionalText("orderNo", 64),
                row.optionalText("region", 100), row.enumValue("kind", LogisticsKind.class), row.text("detail", 1000),
                row.instant("occurredAt"));
        if ((r.orderNo() == null) == (r.region() == null)) {
            row.fail("orderNo", "give either orderNo or region, not both and not neither");
        } else if (r.orderNo() != null && context.order(r.orderNo()).isEmpty()) {
            row.fail("orderNo", "no order '" + r.orderNo() + "'");
        }
        return r;
    }

    @Override
    public dev.shophealth.cancellation.ShopDayCounts.Kind counted() {
        return dev.shophealth.cancellation.ShopDayCounts.Kind.LOGISTICS;
    }

    @Override
    public String key(LogisticsEventRow record) {
        return record.eventId();
    }

    /** Events about a region belong to no shop. */
    @Override
    public java.util.Set<String> storedShops(List<LogisticsEventRow> rows) {
        return RecordImporter.shops("select distinct o.shopId from LogisticsEvent e, ShopOrder o "
                + "where o.orderNo = e.orderNo and e.eventId in :keys", rows.stream().map(LogisticsEventRow::eventId).toList());
    }

    @Override
    public java.util.Set<String> stored(java.util.List<LogisticsEventRow> rows) {
        return Upserts.stored(LogisticsEvent.class, "eventId", rows.stream().map(LogisticsEventRow::eventId).toList(),
                (LogisticsEvent x) -> x.eventId);
    }

    @Override
    public WriteResult write(LogisticsEventRow r, java.util.Set<String> stored) {
        return Upserts.upsert(r.eventId(), stored, k -> LogisticsEvent.<LogisticsEvent>findById(k), LogisticsEvent::new, LogisticsEventRow::of, r,
                LogisticsEventRow::applyTo);
    }

    @Override
    public WriteResult write(LogisticsEventRow r) {
        return Upserts.upsert(LogisticsEvent.findById(r.eventId()), LogisticsEvent::new, LogisticsEventRow::of, r,
                LogisticsEventRow::applyTo);
    }
}
