package dev.shophealth.ruleset.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shophealth.fact.Parameters;
import dev.shophealth.fact.Range;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON Schemas (draft-07, the one YAML editors know best) for {@code parameters.yaml} and {@code *.scenarios.yaml},
 * derived from the types the loader reads them into — {@link Parameters} with its {@link Range}s, {@link Scenario}
 * and the facts — so they cannot drift from what a reload accepts (a test regenerates and compares them). The
 * parameters' descriptions are the shipped file's comments. Files reference them with a {@code yaml-language-server}
 * comment on their first line, so editors complete and check them. Regenerate with
 * {@code java -cp target/classes:… dev.shophealth.ruleset.engine.RuleSchemas schemas rules/parameters.yaml}, or by
 * running {@code RuleSchemasTest} with {@code -Dschemas.write=true}.
 */
public final class RuleSchemas {

    public static final String PARAMETERS = "parameters.schema.json";
    public static final String SCENARIOS = "scenarios.schema.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern LINE = Pattern.compile("^(\\w+):\\s*[^#]*#\\s*(.+)$");

    private RuleSchemas() {
    }

    /** Both schemas as text, by file name; {@code parametersYaml} gives the parameters' descriptions. */
    public static Map<String, String> generate(String parametersYaml) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (String line : parametersYaml.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                descriptions.put(m.group(1), m.group(2).strip());
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put(PARAMETERS, text(parameters(descriptions)));
        out.put(SCENARIOS, text(scenarios(descriptions)));
        return out;
    }

    static ObjectNode parameters(Map<String, String> descriptions) {
        ObjectNode schema = root("shop-health rules: parameters.yaml",
                "Every threshold, window and limit the rules use; a value outside its range, a missing or unknown "
                        + "name rejects the whole ruleset when it loads.");
        ObjectNode properties = parameterProperties(descriptions);
        schema.put("type", "object");
        schema.set("properties", properties);
        ArrayNode required = schema.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode parameterProperties(Map<String, String> descriptions) {
        ObjectNode properties = NODES.objectNode();
        for (RecordComponent c : Parameters.class.getRecordComponents()) {
            ObjectNode p = typeOf(c.getGenericType());
            Range range = c.getAnnotation(Range.class);
            if (range != null && "integer".equals(p.path("type").asText())) {
                p.put("minimum", (long) range.min());
                p.put("maximum", (long) range.max());
            } else if (range != null) {
                p.put("minimum", range.min());
                p.put("maximum", range.max());
            }
            String description = descriptions.get(c.getName());
            if (description != null) {
                p.put("description", description);
            }
            properties.set(c.getName(), p);
        }
        return properties;
    }

    static ObjectNode scenarios(Map<String, String> descriptions) {
        ObjectNode schema = root("shop-health rules: *.scenarios.yaml",
                "Cases beside a DRL file: facts given, outcome expected (a partial match: listed codes must be "
                        + "present, absent… codes must not, unset fields are not checked). A failing scenario "
                        + "rejects the ruleset.");
        schema.put("type", "array");
        ObjectNode item = objectOf(Scenario.class);
        ArrayNode required = item.putArray("required");
        required.add("name").add("given").add("expect");
        // the given parameters override the file's values for this scenario: named and ranged like them
        ObjectNode overrides = NODES.objectNode().put("type", "object")
                .put("description", "parameters.yaml values overridden for this scenario only");
        overrides.set("properties", parameterProperties(descriptions));
        overrides.put("additionalProperties", false);
        ((ObjectNode) item.get("properties").get("given").get("properties")).set("parameters", overrides);
        schema.set("items", item);
        return schema;
    }

    private static ObjectNode root(String title, String description) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", title);
        schema.put("description", description + " Generated from the Java types by RuleSchemas; do not edit.");
        return schema;
    }

    private static ObjectNode objectOf(Class<?> type) {
        ObjectNode node = NODES.objectNode().put("type", "object");
        ObjectNode properties = node.putObject("properties");
        for (RecordComponent c : type.getRecordComponents()) {
            properties.set(c.getName(), typeOf(c.getGenericType()));
        }
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode typeOf(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            ObjectNode array = NODES.objectNode().put("type", "array");
            array.set("items", typeOf(p.getActualTypeArguments()[0]));
            return array;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            return NODES.objectNode().put("type", "object");
        }
        Class<?> c = (Class<?>) type;
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return NODES.objectNode().put("type", "integer");
        }
        if (c == double.class || c == Double.class) {
            return NODES.objectNode().put("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (c == String.class) {
            return NODES.objectNode().put("type", "string");
        }
        if (c.isEnum()) {
            ObjectNode e = NODES.objectNode().put("type", "string");
            ArrayNode values = e.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return e;
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(c)) {
            return NODES.objectNode().put("type", "string").put("format", "date-time");
        }
        if (c.isRecord()) {
            return objectOf(c);
        }
        throw new IllegalArgumentException("no schema for " + c.getName() + ": add it to RuleSchemas");
    }

    private static String text(ObjectNode schema) {
        try {
            return JSON.writeValueAsString(schema) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes both schemas into {@code args[0]}, descriptions from the parameters file {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        String yaml = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        for (var e : generate(yaml).entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
