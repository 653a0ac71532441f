package dev.shophealth.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Writes an imported file given as a JSON array of rows as CSV, the way a spreadsheet would. */
final class FuzzCsv {

    private FuzzCsv() {
    }

    /** The rows' fields, in order of appearance, are the header; a document that is no array of objects is its text. */
    static String of(JsonNode doc) {
        if (!doc.isArray() || doc.isEmpty() || !doc.get(0).isObject()) {
            return doc.isTextual() ? doc.asText() : FuzzJson.text(doc);
        }
        Set<String> header = new LinkedHashSet<>();
        doc.forEach(row -> row.fieldNames().forEachRemaining(header::add));
        List<String> lines = new ArrayList<>();
        lines.add(header.stream().map(FuzzCsv::cell).collect(Collectors.joining(",")));
        for (JsonNode row : doc) {
            lines.add(header.stream().map(name -> cell(row.path(name))).collect(Collectors.joining(",")));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String cell(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        return cell(value.isValueNode() ? value.asText() : FuzzJson.text(value));
    }

    private static String cell(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
