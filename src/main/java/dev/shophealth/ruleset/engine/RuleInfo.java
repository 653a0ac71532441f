package dev.shophealth.ruleset.engine;

import java.util.Map;

/**
 * One rule of a ruleset: stable id, full name, the file and line it is in, its metadata ({@code @severity} …)
 * and a hash of its source text, by which a reload tells changed rules from unchanged ones.
 */
public record RuleInfo(String id, String name, String file, int line, Map<String, Object> metadata,
        String sourceHash) {
}
