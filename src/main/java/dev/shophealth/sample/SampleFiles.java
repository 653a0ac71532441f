package dev.shophealth.sample;

import dev.shophealth.dataimport.Row;
import dev.shophealth.dataimport.RowReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The sample on disk: one import-ready CSV per record kind plus {@code manifest.properties} naming the anchor date
 * the times were generated for. Reading shifts every time so the history ends at the moment of loading.
 */
public final class SampleFiles {

    static final String MANIFEST = "manifest.properties";

    private SampleFiles() {
    }

    public static void write(SampleData data, Path dir, LocalDate anchor, long seed) throws IOException {
        Files.createDirectories(dir);
        for (String kind : java.util.stream.Stream.concat(SampleData.KINDS.stream(),
                java.util.stream.Stream.of(SampleData.REQUESTS)).toList()) {
            List<Map<String, String>> rows = data.rows(kind);
            if (rows.isEmpty()) {
                continue;
            }
            try (Writer out = Files.newBufferedWriter(dir.resolve(kind + ".csv"), StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
                csv.printRecord(rows.get(0).keySet());
                for (Map<String, String> row : rows) {
                    csv.printRecord(row.values());
                }
            }
        }
        Properties manifest = new Properties();
        manifest.setProperty("anchor", anchor.toString());
        manifest.setProperty("seed", Long.toString(seed));
        try (Writer out = Files.newBufferedWriter(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            manifest.store(out, "Written by dev.shophealth.sample.GeneratorMain; times are shifted on loading");
        }
    }

    public static LocalDate anchor(Path dir) throws IOException {
        Properties manifest = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            manifest.load(in);
        }
        return LocalDate.parse(manifest.getProperty("anchor"));
    }

    /** The rows of one kind with every {@code ...At} time moved by {@code days}; empty when the file is absent. */
    public static List<Row> read(Path dir, String kind, long days) throws IOException {
        return read(dir, kind, java.time.Duration.ofDays(days));
    }

    /** The rows of one kind with every {@code ...At} time moved by {@code shift}; empty when the file is absent. */
    public static List<Row> read(Path dir, String kind, java.time.Duration shift) throws IOException {
        Path file = dir.resolve(kind + ".csv");
        if (!Files.exists(file)) {
            return List.of();
        }
        return RowReader.csv(Files.readString(file, StandardCharsets.UTF_8)).stream()
                .map(row -> shifted(row, shift)).toList();
    }

    private static Row shifted(Row row, java.time.Duration shift) {
        Map<String, String> values = new LinkedHashMap<>(row.values());
        values.replaceAll((column, value) -> value != null && column.endsWith("At")
                ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(value).plus(shift)) : value);
        return new Row(row.line(), values);
    }
}
