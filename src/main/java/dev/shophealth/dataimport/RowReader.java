package dev.shophealth.dataimport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.shophealth.common.FieldError;
import dev.shophealth.common.ProblemException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads an uploaded file, CSV (header row) or a JSON array of objects, into rows that remember their line. */
public final class RowReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
    private static final Pattern START_LINE = Pattern.compile("startline (\\d+)");
    private static final Pattern CLASS_PREFIX = Pattern.compile("^([a-z][\\w$]*\\.)+[A-Z][\\w$]*:\\s*");

    private RowReader() {
    }

    /** CSV, UTF-8, the first line naming the columns; a byte-order mark (as spreadsheets write it) is skipped. */
    public static List<Row> csv(String body) {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        int[] lineStarts = lineStarts(text);
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(CSV).get()) {
            List<String> header = parser.getHeaderNames();
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                int line = lineOf(lineStarts, firstContent(text, record.getCharacterPosition()));
                if (record.size() != header.size()) {
                    throw malformed(line, "has " + record.size() + " values but the header names " + header.size());
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), record.get(i).isEmpty() ? null : record.get(i));
                }
                rows.add(new Row(line, values));
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports a broken quote or a duplicate header this way; its text names the line
            String reason = reason(e);
            Matcher line = START_LINE.matcher(reason);
            throw malformed(line.find() ? Integer.valueOf(line.group(1)) : null, "is not valid CSV: " + reason);
        }
    }

    /** A JSON array of flat objects; nested objects or arrays are refused, values are read as text. */
    public static List<Row> json(String body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw malformed(1, "must be a JSON array of objects");
            }
            List<Row> rows = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                int line = (int) p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw malformed(line, "every element must be an object");
                }
                rows.add(new Row(line, object(p)));
            }
            if (p.nextToken() != null) {
                throw malformed((int) p.currentTokenLocation().getLineNr(), "has content after the array");
            }
            return rows;
        } catch (IOException e) {
            throw malformed(null, "is not valid JSON");
        }
    }

    private static Map<String, String> object(JsonParser p) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value.isStructStart()) {
                throw new ProblemException(400, "Invalid file", name + " must be a plain value",
                        List.of(new FieldError(name, "must be a plain value, not an object or array",
                                (int) p.currentTokenLocation().getLineNr())));
            }
            values.put(name, value == JsonToken.VALUE_NULL ? null : p.getText());
        }
        return values;
    }

    /** The innermost message, without the exception class names Java prefixes it with. */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String text = t.getMessage() == null ? "unreadable" : t.getMessage();
        String previous;
        do {
            previous = text;
            text = CLASS_PREFIX.matcher(text).replaceFirst("");
        } while (!text.equals(previous));
        return text;
    }

    private static ProblemException malformed(Integer line, String message) {
        return new ProblemException(400, "Invalid file", "The file " + message,
                List.of(new FieldError("file", message, line)));
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A record after ignored empty lines is positioned at the first of them; its line is that of its content. */
    private static long firstContent(String text, long position) {
        long p = position;
        while (p < text.length() && (text.charAt((int) p) == '\n' || text.charAt((int) p) == '\r')) {
            p++;
        }
        return p;
    }

    private static int lineOf(int[] lineStarts, long position) {
        int index = Arrays.binarySearch(lineStarts, (int) position);
        return (index >= 0 ? index : -index - 2) + 1;
    }
}
