package dev.shophealth.dataimport;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds a small CSV file for a test: {@code Csv.header("id", "name").row("S1", "甲").text()}. */
public final class Csv {

    private final List<String> lines = new ArrayList<>();

    private Csv(String... header) {
        lines.add(String.join(",", header));
    }

    public static Csv header(String... columns) {
        return new Csv(columns);
    }

    public Csv row(Object... values) {
        lines.add(Stream.of(values).map(Csv::cell).collect(Collectors.joining(",")));
        return this;
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }

    private static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
