package dev.shophealth.web;

import dev.shophealth.ruleset.engine.RulesetProblem;
import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem of a candidate as the workbench shows it: file and line (a failing scenario's line is the line of its
 * {@code name:} in the scenarios file), the message, and for a scenario that expected one outcome and got another
 * the two side by side, taken from the checker's "expected …, got …" message.
 */
@TemplateData
public record ProblemView(String file, Integer line, String message, String scenario, String expected,
        String actual) {

    private static final Pattern SCENARIO = Pattern.compile("scenario '(.*)': (.*)", Pattern.DOTALL);
    private static final Pattern EXPECTED = Pattern.compile("expected (.*), got (.*)", Pattern.DOTALL);

    static List<ProblemView> of(List<RulesetProblem> problems, Map<String, String> files) {
        return problems.stream().map(p -> of(p, files)).toList();
    }

    static ProblemView of(RulesetProblem p, Map<String, String> files) {
        Matcher s = SCENARIO.matcher(p.message());
        if (!s.matches()) {
            return new ProblemView(p.file(), p.line(), p.message(), null, null, null);
        }
        String name = s.group(1);
        Integer line = p.line() != null ? p.line() : lineOf(files.get(p.file()), name);
        Matcher e = EXPECTED.matcher(s.group(2));
        return e.matches() ? new ProblemView(p.file(), line, p.message(), name, e.group(1), e.group(2))
                : new ProblemView(p.file(), line, p.message(), name, null, s.group(2));
    }

    /** The line of {@code - name: <scenario>} in a scenarios file, if it is there. */
    static Integer lineOf(String text, String scenario) {
        if (text == null) {
            return null;
        }
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("- name:") || l.startsWith("name:")) {
                String value = l.substring(l.indexOf(':') + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                if (value.equals(scenario)) {
                    return i + 1;
                }
            }
        }
        return null;
    }

    public String where() {
        return line == null ? file : file + ":" + line;
    }
}
