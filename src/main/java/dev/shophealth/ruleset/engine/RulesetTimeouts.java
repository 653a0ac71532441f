package dev.shophealth.ruleset.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Evaluations stopped at their deadline, per ruleset revision: readiness and the activation view report them. */
public final class RulesetTimeouts {

    private static final Map<String, LongAdder> BY_REVISION = new ConcurrentHashMap<>();

    private RulesetTimeouts() {
    }

    static void record(String revision) {
        BY_REVISION.computeIfAbsent(revision, r -> new LongAdder()).increment();
    }

    /** How many evaluations of {@code revision} were stopped at their deadline since this process started. */
    public static long of(String revision) {
        LongAdder count = BY_REVISION.get(revision);
        return count == null ? 0 : count.sum();
    }
}
