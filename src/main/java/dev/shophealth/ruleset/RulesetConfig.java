package dev.shophealth.ruleset;

import dev.shophealth.ruleset.engine.IsolatedCheck;

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

    /**
     * What an instance serves at start: FOLDER compiles the rules folder and activates it (the embedded
     * default); DATABASE serves the revision last activated in the database, so a restarting instance of a
     * fleet does not override the fleet (the folder is used only while the database has no activation).
     */
    @WithDefault("folder")
    Source source();

    /**
     * When the start-up ruleset's check ran out of time (a busy machine: the first check runs in a cold JVM), how
     * long until it is tried again; it is, at this interval, until a ruleset is active. Until then the service is not
     * ready. A check that finds problems is not tried again: the folder must be fixed and reloaded.
     */
    @WithDefault("30s")
    Duration startRetryInterval();

    /** How often an instance checks the database for a revision activated by another instance. */
    @WithDefault("1s")
    Duration syncInterval();

    /**
     * Wall-clock limit of a candidate's checks (compile, sandbox, scenarios) in their child process; past it the
     * candidate is refused with 422.
     */
    @WithDefault("30s")
    Duration checkTimeout();

    /**
     * Keep the next check's child process started ahead (its classes loaded and warmed by compiling the last
     * candidate that passed and running its scenarios, that rule base kept for a next one with the same DRL), so a
     * check does not wait for a JVM to start: one idle JVM of at most {@link #checkMaxHeapMb()} heap, used once and
     * replaced after each check that passed.
     */
    @WithDefault("true")
    boolean checkPrestart();

    /** Heap limit of the child process that checks a candidate, in megabytes. */
    @WithDefault("256")
    int checkMaxHeapMb();

    /** Who must agree before a version goes live, and on what evidence. */
    Governance governance();

    /** The child process limits, as the engine takes them. */
    default IsolatedCheck.Limits checkLimits() {
        return new IsolatedCheck.Limits(checkTimeout(), checkMaxHeapMb());
    }

    /** Four eyes and backtest first. */
    interface Governance {

        /**
         * Single-person mode, for development only: the author of a version may activate it without a second
         * analyst's approval, and {@code POST /api/rulesets/reload} (and the folder watcher) may activate the rules
         * folder. Off by default and in prod: four eyes are enforced.
         */
        @WithDefault("false")
        boolean singlePerson();

        /**
         * How old the backtest an activation rests on may be: it must have finished within this time, and be of
         * exactly the version against the ruleset active now.
         */
        @WithDefault("24h")
        Duration backtestMaxAge();

        /** Shadow evaluations waiting beyond this many are dropped (and counted), never making a screening wait. */
        @WithDefault("1000")
        int shadowQueue();
    }

    /** Where the active ruleset comes from at start. */
    enum Source {
        FOLDER, DATABASE
    }
}
