package dev.shophealth.dataimport;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of one CSV row by column name, read-only: an array beside the header's index that all rows of a file
 * share, so a row costs one array instead of a hash map of its own.
 */
final class CsvRowValues extends AbstractMap<String, String> {

    /** The header of one file: its column names, in order, and their index. */
    static final class Header {
        final List<String> names;
        final Set<String> keys;
        private final Map<String, Integer> index = new HashMap<>();

        Header(List<String> names) {
            this.names = List.copyOf(names);
            this.keys = Collections.unmodifiableSet(new LinkedHashSet<>(names));
            for (int i = 0; i < names.size(); i++) {
                index.put(names.get(i), i);
            }
        }
    }

    private final Header header;
    private final String[] values;

    CsvRowValues(Header header, String[] values) {
        this.header = header;
        this.values = values;
    }

    @Override
    public String get(Object key) {
        Integer i = header.index.get(key);
        return i == null ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return header.index.containsKey(key);
    }

    /** The header's columns: the same set for every row of the file. */
    @Override
    public Set<String> keySet() {
        return header.keys;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < values.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        int at = i++;
                        return new SimpleImmutableEntry<>(header.names.get(at), values[at]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
