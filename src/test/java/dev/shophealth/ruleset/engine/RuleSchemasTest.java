package dev.shophealth.ruleset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas in {@code schemas/} are what the loader accepts: generated from its types (the committed files
 * must equal a fresh generation), every shipped rules file is valid against them and references them, and a value
 * out of range or a misspelt field is flagged, as an editor would underline it.
 */
class RuleSchemasTest {

    static final Path DIR = Path.of("schemas");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> generated() throws IOException {
        return RuleSchemas.generate(Files.readString(Path.of("rules/parameters.yaml"), StandardCharsets.UTF_8));
    }

    private static JsonSchema schema(String name) throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(JSON.readTree(DIR.resolve(name).toFile()));
    }

    @Test
    void theCommittedSchemasAreTheGeneratedOnes() throws IOException {
        if (Boolean.getBoolean("schemas.write")) {
            RuleSchemas.main(new String[] {DIR.toString(), "rules/parameters.yaml"});
        }
        for (var e : generated().entrySet()) {
            assertEquals(e.getValue(), Files.readString(DIR.resolve(e.getKey()), StandardCharsets.UTF_8),
                    e.getKey() + " is stale: run ./mvnw test -Dtest=RuleSchemasTest -Dschemas.write=true");
        }
    }

    @Test
    void everyShippedFileIsValidAndNamesItsSchema() throws IOException {
        JsonSchema parameters = schema(RuleSchemas.PARAMETERS);
        JsonSchema scenarios = schema(RuleSchemas.SCENARIOS);
        assertEquals(Set.of(), parameters.validate(YAML.readTree(Path.of("rules/parameters.yaml").toFile())));
        assertTrue(Files.readString(Path.of("rules/parameters.yaml")).startsWith(
                "# yaml-language-server: $schema=../schemas/" + RuleSchemas.PARAMETERS));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("rules"))) {
            files = walk.filter(p -> p.toString().endsWith(".scenarios.yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            assertEquals(Set.of(), scenarios.validate(YAML.readTree(f.toFile())), f.toString());
            assertTrue(Files.readString(f).startsWith(
                    "# yaml-language-server: $schema=../../schemas/" + RuleSchemas.SCENARIOS), f.toString());
        }
    }

    @Test
    void mistakesAreFlagged() throws IOException {
        JsonNode params = YAML.readTree(Files.readString(Path.of("rules/parameters.yaml"))
                .replace("cancelRateCritical: 0.10", "cancelRateCritical: 1.5")
                .replace("repeatedReasonCount: 3", "repeatedReasonCount: 3\nmystery: 4"));
        Set<ValidationMessage> problems = schema(RuleSchemas.PARAMETERS).validate(params);
        assertTrue(problems.stream().anyMatch(m -> m.getMessage().contains("cancelRateCritical")), problems.toString());
        assertTrue(problems.stream().anyMatch(m -> m.getMessage().contains("mystery")), problems.toString());

        JsonNode scenario = YAML.readTree("""
                - name: a window by a length, not a role; a misspelt expectation
                  given:
                    windows: [{window: 30d, days: 30, orders: 10}]
                  expect: {verdikt: APPROVE}
                """);
        Set<ValidationMessage> wrong = schema(RuleSchemas.SCENARIOS).validate(scenario);
        assertTrue(wrong.stream().anyMatch(m -> m.getMessage().contains("window")), wrong.toString());
        assertTrue(wrong.stream().anyMatch(m -> m.getMessage().contains("verdikt")), wrong.toString());
    }
}
