package dev.shophealth.dataimport;

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
    }

    /** Keyed by its id; an event about an order belongs to the order's shop (it may move to another order), one about a region to none. */
    static final BulkTable<LogisticsEventRow> TABLE = BulkTable.of("logistics_event", 1, LogisticsEventRow.class)
            .text("event_id", LogisticsEventRow::eventId).text("order_no", LogisticsEventRow::orderNo)
            .text("region", LogisticsEventRow::region).enumName("kind", LogisticsEventRow::kind)
            .text("detail", LogisticsEventRow::detail).instant("occurred_at", LogisticsEventRow::occurredAt)
            .read(v -> new LogisticsEventRow(v.text(0), v.text(1), v.text(2), v.enumValue(3, LogisticsKind.class),
                    v.text(4), v.instant(5)))
            .shop((r, context) -> r.orderNo() == null ? null
                    : context.order(r.orderNo()).map(ImportContext.OrderRef::shopId).orElse(null));

    @Override
    public String kind() {
        return "logistics-events";
    }

    @Override
    public List<String> columns() {
        return List.of("eventId", "orderNo", "region", "kind", "detail", "occurredAt");
    }

    @Override
    public void prefetch(List<Row> rows, ImportContext context) {
        context.loadOrders(RecordImporter.values(rows, "orderNo"));
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

    @Override
    public ChunkWriter<LogisticsEventRow> writer(ImportContext context) {
        return new BulkWriter<>(TABLE, this::key, context);
    }
}
