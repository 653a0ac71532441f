package dev.shophealth.decision;

import dev.shophealth.ruleset.engine.Evaluation;
import java.util.List;

/**
 * A recorded decision evaluated again on its recorded facts: with its own revision it must reproduce ({@code same}),
 * with another one it shows what that revision would have decided.
 */
public record ReplayReport(String decisionId, String recordedRevision, String replayRevision, boolean same,
        List<Difference> differences, Evaluation replayed) {

    /** One field that differs between the recorded and the replayed outcome. */
    public record Difference(String field, Object recorded, Object replayed) {
    }
}
