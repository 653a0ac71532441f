package dev.shophealth.outcome;

/** How serious a finding is; set per rule in its {@code @severity} metadata. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
