package dev.shophealth.ruleset.version;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/** Two versions compared file by file, with a unified diff of each changed file. */
public record FileDiff(String path, String status, List<String> diff) {

    static List<FileDiff> between(SortedMap<String, String> a, SortedMap<String, String> b) {
        TreeSet<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<FileDiff> diffs = new ArrayList<>();
        for (String path : paths) {
            String before = a.get(path);
            String after = b.get(path);
            String status = before == null ? "ADDED" : after == null ? "REMOVED" : before.equals(after) ? "SAME" : "CHANGED";
            if (status.equals("SAME")) {
                continue;
            }
            List<String> old = before == null ? List.of() : before.lines().toList();
            List<String> now = after == null ? List.of() : after.lines().toList();
            // /dev/null for the side that does not exist, as git writes it, so the patch applies with patch -p1
            diffs.add(new FileDiff(path, status, UnifiedDiffUtils.generateUnifiedDiff(
                    before == null ? "/dev/null" : "a/" + path, after == null ? "/dev/null" : "b/" + path, old,
                    DiffUtils.diff(old, now), 3)));
        }
        return diffs;
    }

    /** The diffs as one unified patch (text/x-diff), applicable with {@code patch -p1} in a copy of the folder. */
    static String patch(List<FileDiff> diffs) {
        StringBuilder patch = new StringBuilder();
        for (FileDiff d : diffs) {
            d.diff().forEach(line -> patch.append(line).append('\n'));
        }
        return patch.toString();
    }
}
