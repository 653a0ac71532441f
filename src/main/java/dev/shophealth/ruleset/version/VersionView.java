package dev.shophealth.ruleset.version;

import java.time.Instant;

/** A stored ruleset version as listed; {@code active} marks the one this instance serves. */
public record VersionView(String revision, String author, String comment, Instant createdAt, int rules,
        int scenarios, boolean active) {
}
