package dev.shophealth.sample;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the generator made, as the import files it becomes: one list of rows per record kind, in the order
 * the kinds must be imported (references first). Column names are those of the import API.
 */
public final class SampleData {

    /** Import order: every kind refers only to kinds before it. */
    public static final List<String> KINDS = List.of("shops", "products", "orders", "stock-counts", "inspections",
            "logistics-events", "reviews", "complaints");

    /**
     * Cancellation requests are not imported: the loader submits them through the screening, in time order, so
     * the real rules decide them.
     */
    public static final String REQUESTS = "cancellation-requests";

    private final Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
    /** The natural key's columns, where it is not the first column alone. */
    private static final Map<String, List<String>> KEY_COLUMNS = Map.of("stock-counts", List.of("sku", "countedAt"),
            "complaints", List.of("orderNo", "complainedAt"));

    private final List<PlannedCancellation> cancellations = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    SampleData() {
        KINDS.forEach(k -> rows.put(k, new ArrayList<>()));
        rows.put(REQUESTS, new ArrayList<>());
    }

    public List<Map<String, String>> rows(String kind) {
        return rows.get(kind);
    }

    /** Why each cancelled order was cancelled and whether the buyer was contacted. */
    public List<PlannedCancellation> cancellations() {
        return cancellations;
    }

    /** Adds a row unless one with the same natural key is there already (the import would refuse it). */
    void add(String kind, Object... columnsAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], text(columnsAndValues[i + 1]));
        }
        List<String> keyColumns = KEY_COLUMNS.getOrDefault(kind, List.of(row.keySet().iterator().next()));
        String key = kind + '|' + keyColumns.stream().map(row::get).toList();
        if (keys.add(key)) {
            rows.get(kind).add(row);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof OffsetDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        return value.toString();
    }
}
