package dev.shophealth.common;

import java.util.Map;
import java.util.TreeMap;

/** Counts of the fuzz, per endpoint and role: cases tried, cases that held every property, answers by status. */
final class FuzzTally {

    private static final class Row {
        int tried;
        int held;
        final Map<Integer, Integer> statuses = new TreeMap<>();
    }

    private final Map<String, Row> rows = new TreeMap<>();
    private int beforeTheApplication;

    synchronized void tried(String endpoint, String role, int status) {
        Row row = rows.computeIfAbsent(endpoint + " as " + role, k -> new Row());
        row.tried++;
        row.statuses.merge(status, 1, Integer::sum);
    }

    synchronized void held(String endpoint, String role) {
        rows.get(endpoint + " as " + role).held++;
    }

    /** A held case refused by the HTTP layer before the application (an empty 400 for a URI it cannot parse). */
    synchronized void refusedBeforeTheApplication() {
        beforeTheApplication++;
    }

    synchronized String report() {
        StringBuilder out = new StringBuilder("Input fuzz: endpoint as role, tried, held, answers by status\n");
        int tried = 0;
        int held = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (var e : rows.entrySet()) {
            Row row = e.getValue();
            out.append(String.format("%-60s %5d %5d %s%n", e.getKey(), row.tried, row.held, row.statuses));
            tried += row.tried;
            held += row.held;
            row.statuses.forEach((s, n) -> statuses.merge(s, n, Integer::sum));
        }
        out.append(String.format("%-60s %5d %5d %s%n", "all " + rows.size() + " endpoint-role pairs", tried, held, statuses));
        out.append("of the held: ").append(beforeTheApplication)
                .append(" with a URI java.net.URI refuses, answered by Quarkus with an empty 400 before the application\n");
        return out.toString();
    }
}
