package dev.shophealth.ruleset.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shophealth.fact.Parameters;
import dev.shophealth.fact.Range;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code parameters.yaml} (flat {@code name: value  # comment} lines) into a typed {@link Parameters}:
 * every parameter must be there, known, of its type and within its {@link Range}.
 */
public final class ParametersReader {

    public static final String FILE = "parameters.yaml";
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Pattern LINE = Pattern.compile("^([A-Za-z][A-Za-z0-9]*)\\s*:[^#]*#\\s*(.*)$");

    private ParametersReader() {
    }

    /** The parameters, with their comments, or null when there are problems (added to {@code problems}). */
    public record Read(Parameters parameters, Map<String, Object> values, Map<String, String> comments) {
    }

    public static Read read(String yaml, Map<String, Object> overrides, List<RulesetProblem> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        int before = problems.size();
        scalars(yaml, values, lines, problems);
        if (overrides != null) {
            values.putAll(overrides);
        }
        RecordComponent[] components = Parameters.class.getRecordComponents();
        List<String> known = Arrays.stream(components).map(RecordComponent::getName).toList();
        values.keySet().stream().filter(k -> !known.contains(k)).forEach(k -> problems.add(new RulesetProblem(FILE,
                lines.get(k), "unknown parameter '" + k + "'; parameters are " + known)));
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = typed(components[i], values.get(components[i].getName()),
                    lines.get(components[i].getName()), problems);
        }
        if (problems.size() > before) {
            return null;
        }
        Parameters parameters = construct(args);
        parameters.inconsistencies().forEach(m -> problems.add(new RulesetProblem(FILE, null, m)));
        return problems.size() > before ? null : new Read(parameters, values, comments(yaml));
    }

    private static void scalars(String yaml, Map<String, Object> values, Map<String, Integer> lines,
            List<RulesetProblem> problems) {
        try (JsonParser p = YAML.createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(new RulesetProblem(FILE, 1, "must be a map of name: value"));
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int line = (int) p.currentTokenLocation().getLineNr();
                JsonToken token = p.nextToken();
                lines.put(name, line);
                if (token.isStructStart()) {
                    problems.add(new RulesetProblem(FILE, line, name + " must be a single value"));
                    p.skipChildren();
                } else {
                    values.put(name, switch (token) {
                        case VALUE_NUMBER_INT -> p.getLongValue();
                        case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                        case VALUE_NULL -> null;
                        case VALUE_TRUE -> Boolean.TRUE;
                        case VALUE_FALSE -> Boolean.FALSE;
                        default -> p.getText();
                    });
                }
            }
        } catch (IOException e) {
            Integer line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? (int) j.getLocation().getLineNr() : null;
            problems.add(new RulesetProblem(FILE, line, "is not valid YAML: " + e.getMessage().lines().findFirst()
                    .orElse("")));
        }
    }

    private static Object typed(RecordComponent c, Object value, Integer line, List<RulesetProblem> problems) {
        String name = c.getName();
        if (value == null) {
            problems.add(new RulesetProblem(FILE, line, "parameter '" + name + "' is missing"));
            return null;
        }
        Class<?> type = c.getType();
        if (type.isEnum()) {
            return enumValue(type, name, value, line, problems);
        }
        if (type == boolean.class) {
            if (!(value instanceof Boolean)) {
                problems.add(new RulesetProblem(FILE, line, name + " must be true or false, got '" + value + "'"));
                return null;
            }
            return value;
        }
        if (!(value instanceof Number number)) {
            problems.add(new RulesetProblem(FILE, line, name + " must be a number, got '" + value + "'"));
            return null;
        }
        if (type == int.class && !(value instanceof Long || value instanceof Integer)) {
            problems.add(new RulesetProblem(FILE, line, name + " must be a whole number, got " + value));
            return null;
        }
        Range range = c.getAnnotation(Range.class);
        double d = number.doubleValue();
        if (range != null && (d < range.min() || d > range.max())) {
            problems.add(new RulesetProblem(FILE, line, name + " must be between " + fmt(range.min()) + " and "
                    + fmt(range.max()) + ", got " + value));
            return null;
        }
        return type == int.class ? (Object) number.intValue() : (Object) d;
    }

    private static Object enumValue(Class<?> type, String name, Object value, Integer line,
            List<RulesetProblem> problems) {
        for (Object constant : type.getEnumConstants()) {
            if (constant.toString().equals(value.toString())) {
                return constant;
            }
        }
        problems.add(new RulesetProblem(FILE, line, name + " must be one of "
                + Arrays.toString(type.getEnumConstants()) + ", got '" + value + "'"));
        return null;
    }

    private static Parameters construct(Object[] args) {
        try {
            Class<?>[] types = Arrays.stream(Parameters.class.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            return Parameters.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Parameters cannot be constructed", e);
        }
    }

    /** The comment after each {@code name: value} line, for analysts reading the active ruleset. */
    private static Map<String, String> comments(String yaml) {
        Map<String, String> comments = new LinkedHashMap<>();
        for (String line : yaml.lines().toList()) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                comments.put(m.group(1), m.group(2).strip());
            }
        }
        return comments;
    }

    /** The parameters with their ranges and comments. */
    public static List<ParameterView> views(Read read) {
        List<ParameterView> views = new ArrayList<>();
        for (RecordComponent c : Parameters.class.getRecordComponents()) {
            Range range = c.getAnnotation(Range.class);
            views.add(new ParameterView(c.getName(), read.values().get(c.getName()),
                    range == null ? null : range.min(), range == null ? null : range.max(),
                    read.comments().get(c.getName())));
        }
        return views;
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
