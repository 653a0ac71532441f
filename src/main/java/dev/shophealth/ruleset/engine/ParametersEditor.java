package dev.shophealth.ruleset.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes new values into a {@code parameters.yaml} text, keeping every comment, blank line and the order of the
 * file: only the value of each {@code name: value  # comment} line changes. What it writes is checked by
 * {@link ParametersReader} like any other file; a value that is not a plain YAML scalar is written as a quoted
 * string, so it can never add a key or end its line (the reader then says the parameter has the wrong type).
 */
public final class ParametersEditor {

    private static final Pattern ENTRY = Pattern.compile("^([A-Za-z][A-Za-z0-9]*)(\\s*:\\s*)([^#]*?)(\\s*)(#.*)?$");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.+-]{1,64}");

    private ParametersEditor() {
    }

    /** The file with the given values in place of the old ones; names not in the file are ignored. */
    public static String withValues(String yaml, Map<String, String> values) {
        List<String> out = new ArrayList<>();
        for (String line : yaml.split("\n", -1)) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches() && values.containsKey(m.group(1))) {
                String value = scalar(values.get(m.group(1)));
                String old = m.group(3);
                // keep the comments aligned where the new value is no longer than the old one
                String pad = " ".repeat(Math.max(1, old.length() + m.group(4).length() - value.length()));
                line = m.group(1) + m.group(2) + value + (m.group(5) == null ? "" : pad + m.group(5));
            }
            out.add(line);
        }
        return String.join("\n", out);
    }

    private static String scalar(String value) {
        String v = value == null ? "" : value.strip();
        if (PLAIN.matcher(v).matches()) {
            return v;
        }
        StringBuilder quoted = new StringBuilder("\"");
        v.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
    }
}
