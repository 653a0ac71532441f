package dev.shophealth.ruleset;

import dev.shophealth.ruleset.engine.RulesFolder;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/** Runs the app on a copy of rules/ in target/, so a test may break and reload rules without touching rules/. */
public class CopiedRulesProfile implements QuarkusTestProfile {

    public static final Path DIR = Path.of("target/test-rules");

    @Override
    public Map<String, String> getConfigOverrides() {
        RulesFolder.copyInto(DIR);
        return Map.of("shophealth.rules.dir", DIR.toString());
    }
}
