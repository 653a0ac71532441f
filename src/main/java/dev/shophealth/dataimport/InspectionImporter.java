package dev.shophealth.dataimport;

import dev.shophealth.order.InspectionResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Quality inspections: {@code inspectionId,sku,batch,result,defect,inspectedAt}; a FAIL names its defect. */
@ApplicationScoped
public class InspectionImporter implements RecordImporter<InspectionImporter.InspectionRow> {

    /** One inspection row. */
    public record InspectionRow(String inspectionId, String sku, String batch, InspectionResult result, String defect,
            Instant inspectedAt) {
    }

    /** Keyed by its id; an inspection belongs to the shop of its product. */
    static final BulkTable<InspectionRow> TABLE = BulkTable.of("quality_inspection", 1, InspectionRow.class)
            .text("inspection_id", InspectionRow::inspectionId).text("sku", InspectionRow::sku)
            .text("batch", InspectionRow::batch).enumName("result", InspectionRow::result)
            .text("defect", InspectionRow::defect).instant("inspected_at", InspectionRow::inspectedAt)
            .read(v -> new InspectionRow(v.text(0), v.text(1), v.text(2), v.enumValue(3, InspectionResult.class),
                    v.text(4), v.instant(5)))
            .shop((r, context) -> context.productShop(r.sku()).orElse(null));

    @Override
    public String kind() {
        return "inspections";
    }

    @Override
    public List<String> columns() {
        return List.of("inspectionId", "sku", "batch", "result", "defect", "inspectedAt");
    }

    @Override
    public void prefetch(List<Row> rows, ImportContext context) {
        context.loadProducts(RecordImporter.values(rows, "sku"));
    }

    @Override
    public InspectionRow parse(RowParser row, ImportContext context) {
        var r = new InspectionRow(row.text("inspectionId", 64), row.text("sku", 64), row.text("batch", 64),
                row.enumValue("result", InspectionResult.class), row.optionalText("defect", 1000),
                row.instant("inspectedAt"));
        if (r.sku() != null && context.productShop(r.sku()).isEmpty()) {
            row.fail("sku", "no product '" + r.sku() + "'");
        }
        if (r.result() == InspectionResult.FAIL && r.defect() == null) {
            row.fail("defect", "is required when result is FAIL");
        }
        return r;
    }

    @Override
    public dev.shophealth.cancellation.ShopDayCounts.Kind counted() {
        return dev.shophealth.cancellation.ShopDayCounts.Kind.INSPECTIONS;
    }

    @Override
    public String key(InspectionRow record) {
        return record.inspectionId();
    }

    @Override
    public ChunkWriter<InspectionRow> writer(ImportContext context) {
        return new BulkWriter<>(TABLE, this::key, context);
    }
}
