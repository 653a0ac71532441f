package dev.shophealth.web;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * Two versions of a file as rows side by side (old line, new line), with runs of unchanged lines folded to a few
 * lines of context around each change.
 */
final class SideBySide {

    static final int CONTEXT = 3;

    /** One row: line numbers and texts on each side; {@code tag} EQUAL, CHANGE, INSERT, DELETE or FOLD. */
    @TemplateData
    record Row(String tag, Integer oldNo, String oldText, Integer newNo, String newText, int folded) {
    }

    private SideBySide() {
    }

    static List<Row> rows(String before, String after) {
        List<String> a = before == null ? List.of() : before.lines().toList();
        List<String> b = after == null ? List.of() : after.lines().toList();
        List<Row> all = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            for (; i < d.getSource().getPosition(); i++, j++) {
                all.add(new Row("EQUAL", i + 1, a.get(i), j + 1, b.get(j), 0));
            }
            int n = d.getSource().size();
            int m = d.getTarget().size();
            for (int k = 0; k < Math.max(n, m); k++) {
                boolean old = k < n;
                boolean now = k < m;
                all.add(new Row(old && now ? "CHANGE" : old ? "DELETE" : "INSERT", old ? i + k + 1 : null,
                        old ? a.get(i + k) : "", now ? j + k + 1 : null, now ? b.get(j + k) : "", 0));
            }
            i += n;
            j += m;
        }
        for (; i < a.size(); i++, j++) {
            all.add(new Row("EQUAL", i + 1, a.get(i), j + 1, b.get(j), 0));
        }
        return fold(all);
    }

    private static List<Row> fold(List<Row> all) {
        boolean[] keep = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).tag().equals("EQUAL")) {
                for (int j = Math.max(0, i - CONTEXT); j <= Math.min(all.size() - 1, i + CONTEXT); j++) {
                    keep[j] = true;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < all.size(); i++) {
            if (keep[i]) {
                if (skipped > 0) {
                    rows.add(new Row("FOLD", null, "", null, "", skipped));
                    skipped = 0;
                }
                rows.add(all.get(i));
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            rows.add(new Row("FOLD", null, "", null, "", skipped));
        }
        return rows;
    }
}
