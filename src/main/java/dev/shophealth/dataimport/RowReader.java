package dev.shophealth.dataimport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.shophealth.common.FieldError;
import dev.shophealth.common.ProblemException;
import java.io.IOException;
import java.io.FilterReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
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
        return drain(csv(new StringReader(body)));
    }

    /** A JSON array of flat objects; nested objects or arrays are refused, values are read as text. */
    public static List<Row> json(String body) {
        return drain(json(new StringReader(body)));
    }

    /** A CSV file read row by row (see {@link #csv(String)}); the caller closes it. */
    public static RowSource csv(Reader body) {
        LineTracker text = new LineTracker(body);
        CSVParser parser;
        CsvRowValues.Header header;
        try {
            parser = CSVParser.builder().setReader(text).setFormat(CSV).get();
            header = new CsvRowValues.Header(parser.getHeaderNames());
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw csvProblem(e);
        }
        Iterator<CSVRecord> records = parser.iterator();
        int columns = header.names.size();
        return new RowSource() {
            @Override
            public Row next() {
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    CSVRecord record = records.next();
                    int line = text.contentLineOf(record.getCharacterPosition());
                    if (record.size() != columns) {
                        throw malformed(line, "has " + record.size() + " values but the header names " + columns);
                    }
                    String[] values = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        String value = record.get(i);
                        values[i] = value.isEmpty() ? null : value;
                    }
                    return new Row(line, new CsvRowValues(header, values));
                } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
                    throw csvProblem(e);
                }
            }

            @Override
            public void close() {
                try {
                    parser.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** A JSON array of flat objects read object by object (see {@link #json(String)}); the caller closes it. */
    public static RowSource json(Reader body) {
        JsonParser p;
        try {
            p = JSON.createParser(body);
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw malformed(1, "must be a JSON array of objects");
            }
        } catch (IOException e) {
            throw malformed(null, "is not valid JSON");
        }
        return new RowSource() {
            private boolean ended;

            @Override
            public Row next() {
                if (ended) {
                    return null;
                }
                try {
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.END_ARRAY) {
                        ended = true;
                        if (p.nextToken() != null) {
                            throw malformed((int) p.currentTokenLocation().getLineNr(), "has content after the array");
                        }
                        return null;
                    }
                    int line = (int) p.currentTokenLocation().getLineNr();
                    if (t != JsonToken.START_OBJECT) {
                        throw malformed(line, "every element must be an object");
                    }
                    return new Row(line, object(p));
                } catch (IOException e) {
                    throw malformed(null, "is not valid JSON");
                }
            }

            @Override
            public void close() {
                try {
                    p.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static List<Row> drain(RowSource source) {
        try (source) {
            List<Row> rows = new ArrayList<>();
            for (Row row = source.next(); row != null; row = source.next()) {
                rows.add(row);
            }
            return rows;
        }
    }

    /** commons-csv reports a broken quote or a duplicate header this way; its text names the line. */
    private static ProblemException csvProblem(Exception e) {
        String reason = reason(e);
        Matcher line = START_LINE.matcher(reason);
        return malformed(line.find() ? Integer.valueOf(line.group(1)) : null, "is not valid CSV: " + reason);
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

    /**
     * Reads the text on to the CSV parser, skipping a byte-order mark, and remembers where each line starts and
     * whether it is empty: a record's position is a character count, its line is what a person looks for.
     */
    private static final class LineTracker extends FilterReader {
        private int[] starts = new int[1024];
        private final BitSet content = new BitSet();
        private int lines = 1;
        /** The line count when a line last had content marked: each line is marked once. */
        private int marked;
        private long position;
        private boolean first = true;

        LineTracker(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && first) {
                first = false;
                if (buffer[offset] == '\uFEFF') {
                    System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                    n--;
                    if (n == 0) {
                        return read(buffer, offset, length);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                char c = buffer[offset + i];
                if (c == '\n') {
                    if (lines == starts.length) {
                        starts = Arrays.copyOf(starts, lines * 2);
                    }
                    starts[lines++] = (int) (position + i + 1);
                } else if (c != '\r' && marked != lines) {
                    content.set(lines - 1);
                    marked = lines;
                }
            }
            position += Math.max(0, n);
            return n;
        }

        /**
         * The line of the record at {@code position}: a record after ignored empty lines is positioned at the first
         * of them, its line is that of its content.
         */
        int contentLineOf(long position) {
            int index = Arrays.binarySearch(starts, 0, lines, (int) position);
            int line = index >= 0 ? index : -index - 2;
            while (line + 1 < lines && !content.get(line)) {
                line++;
            }
            return line + 1;
        }
    }
}
