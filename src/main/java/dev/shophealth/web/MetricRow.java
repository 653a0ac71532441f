package dev.shophealth.web;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** One metric of the dashboard: its value per window (7, 30, 90 days) and the threshold the rules judge it by. */
@TemplateData
public record MetricRow(String label, List<Cell> cells, String threshold) {

    /** A value, and whether it is at or past its threshold. */
    @TemplateData
    public record Cell(String value, boolean over) {
    }
}
