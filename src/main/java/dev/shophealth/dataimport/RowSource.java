package dev.shophealth.dataimport;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of a file, read one at a time, so a large file is never held as a list of rows. A malformed file fails
 * with a problem naming its line when the reader reaches it.
 */
public interface RowSource extends Closeable {

    /** The next row, or null after the last one. */
    Row next();

    @Override
    void close();

    /** Rows already in memory (the sample data, a test). */
    static RowSource of(List<Row> rows) {
        Iterator<Row> it = rows.iterator();
        return new RowSource() {
            @Override
            public Row next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * These rows, read {@code size} ahead: each batch goes to {@code batch} before its first row is returned, so
     * what the batch refers to can be looked up in one query instead of one per row. A malformed row fails when the
     * read-ahead reaches it, as it would have a little later.
     */
    default RowSource readAhead(int size, java.util.function.Consumer<List<Row>> batch) {
        RowSource source = this;
        return new RowSource() {
            private final java.util.ArrayDeque<Row> ahead = new java.util.ArrayDeque<>(size);

            @Override
            public Row next() {
                if (ahead.isEmpty()) {
                    List<Row> read = new java.util.ArrayList<>(size);
                    for (Row row = source.next(); row != null; row = read.size() < size ? source.next() : null) {
                        read.add(row);
                    }
                    if (!read.isEmpty()) {
                        batch.accept(read);
                        ahead.addAll(read);
                    }
                }
                return ahead.poll();
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }
}
