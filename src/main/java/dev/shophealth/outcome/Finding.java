package dev.shophealth.outcome;

import java.util.Map;

/** Something a rule found, by code; {@code evidence} holds the values the message and a reviewer need. */
public record Finding(String code, Severity severity, String ruleId, Map<String, Object> evidence) {
}
