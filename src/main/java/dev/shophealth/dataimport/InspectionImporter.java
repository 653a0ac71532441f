package dev.shophealth.dataimport;

import dev.shophealth.order.InspectionResult;
import dev.shophealth.order.QualityInspection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Quality inspections: {@code inspectionId,sku,batch,result,defect,inspectedAt}; a FAIL names its defect. */
@ApplicationScoped
public class InspectionImporter implements RecordImporter<InspectionImporter.InspectionRow> {

    /** One inspection row. */
    public record InspectionRow(String inspectionId, String sku, String batch, InspectionResult result, String defect,
            Instant inspectedAt) {
        static InspectionRow of(QualityInspection i) {
            return new InspectionRow(i.inspectionId, i.sku, i.batch, i.result, i.defect, i.inspectedAt);
        }

        void applyTo(QualityInspection i) {
            i.inspectionId = inspectionId;
            i.sku = sku;
            i.batch = batch;
            i.result = result;
            i.defect = defect;
            i.inspectedAt = inspectedAt;
        }
    }

    @Override
    public String kind() {
        return "inspections";
    }

    @Override
    public List<String> columns() {
        return List.of("inspectionId", "sku", "batch", "result", "defect", "inspectedAt");
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
    public java.util.Set<String> storedShops(List<InspectionRow> rows) {
        return RecordImporter.shops("select distinct p.shopId from QualityInspection i, Product p "
                + "where p.sku = i.sku and i.inspectionId in :keys", rows.stream().map(InspectionRow::inspectionId).toList());
    }

    @Override
    public java.util.Set<String> stored(java.util.List<InspectionRow> rows) {
        return Upserts.stored(QualityInspection.class, "inspectionId", rows.stream().map(InspectionRow::inspectionId).toList(),
                (QualityInspection x) -> x.inspectionId);
    }

    @Override
    public WriteResult write(InspectionRow r, java.util.Set<String> stored) {
        return Upserts.upsert(r.inspectionId(), stored, k -> QualityInspection.<QualityInspection>findById(k), QualityInspection::new, InspectionRow::of, r,
                InspectionRow::applyTo);
    }

    @Override
    public WriteResult write(InspectionRow r) {
        return Upserts.upsert(QualityInspection.findById(r.inspectionId()), QualityInspection::new,
                InspectionRow::of, r, InspectionRow::applyTo);
    }
}
