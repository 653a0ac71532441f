package dev.shophealth.dataimport;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An uploaded file, streamed to a temporary file as it arrives instead of being held in memory, and read from there
 * as often as its import needs it (once to count its rows, again for each attempt); {@link #bytesRead} tells how
 * far the current reading is.
 */
final class ImportFile implements AutoCloseable {

    private final Path path;
    private final boolean csv;
    private final long size;
    private volatile long read;

    private ImportFile(Path path, boolean csv) throws IOException {
        this.path = path;
        this.csv = csv;
        this.size = Files.size(path);
    }

    /** Saves {@code body} (null: empty) to a temporary file. */
    static ImportFile save(InputStream body, boolean csv) {
        try {
            Path path = Files.createTempFile("shophealth-import-", csv ? ".csv" : ".json");
            try {
                if (body != null) {
                    Files.copy(body, path, StandardCopyOption.REPLACE_EXISTING);
                }
                return new ImportFile(path, csv);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(path);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the uploaded file", e);
        }
    }

    String format() {
        return csv ? "csv" : "json";
    }

    long size() {
        return size;
    }

    long bytesRead() {
        return read;
    }

    /** The rows of the file, from its start (UTF-8). */
    RowSource rows() {
        read = 0;
        try {
            InputStream in = new Counting(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
            var reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            try {
                return csv ? RowReader.csv(reader) : RowReader.json(reader);
            } catch (RuntimeException e) {
                reader.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Counting extends FilterInputStream {
        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
