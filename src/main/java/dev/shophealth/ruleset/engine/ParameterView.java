package dev.shophealth.ruleset.engine;

/** A parameter as analysts see it: value, allowed range (null for non-numeric ones) and its comment in the file. */
public record ParameterView(String name, Object value, Double min, Double max, String comment) {
}
