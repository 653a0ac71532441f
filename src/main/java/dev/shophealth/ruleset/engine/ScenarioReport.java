package dev.shophealth.ruleset.engine;

import java.util.List;

/** The scenarios of a ruleset, each passed or failed with its reasons. */
public record ScenarioReport(String revision, int passed, int failed, List<ScenarioRunner.Result> results) {
}
