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
}
