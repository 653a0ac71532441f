package dev.shophealth.ruleset;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Where the live rule base is and how it is watched. */
@ConfigMapping(prefix = "shophealth.rules")
public interface RulesetConfig {

    /** The rules folder, read at run time (never from the classpath). */
    @WithDefault("./rules")
    Path dir();

    /** Reload by itself when a file in the folder changes; off by default, reloads are then explicit. */
    @WithDefault("false")
    boolean watch();

    /** How often the watcher looks for changes. */
    @WithDefault("2s")
    Duration watchInterval();
}
