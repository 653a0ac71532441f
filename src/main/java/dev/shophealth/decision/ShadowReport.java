package dev.shophealth.decision;

import java.time.Instant;
import java.util.List;

/**
 * The candidate in shadow and how it compares on live screenings since it was put there: {@code screenings} decided
 * since then (every instance), {@code disagreements} among them (every instance); {@code evaluated}, {@code errors}
 * and {@code dropped} are this instance's own counts since it started (errors include evaluations past their time
 * limit; dropped: the shadow queue was full). {@code revision} is null when no candidate is in shadow.
 */
public record ShadowReport(String revision, String setBy, Instant setAt, String activeRevision, long screenings,
        long disagreements, long evaluated, long errors, long dropped) {

    /** One disagreement, as listed. */
    public record Disagreement(String decisionId, String orderNo, Instant decidedAt, String activeRevision,
            String shadowRevision, String activeVerdict, String shadowVerdict, List<String> rulesResponsible) {

        static Disagreement of(ShadowDisagreement d) {
            return new Disagreement(d.decisionId, d.subject, d.decidedAt, d.activeRevision, d.shadowRevision,
                    d.activeVerdict, d.shadowVerdict, d.rulesResponsible == null || d.rulesResponsible.isEmpty()
                            ? List.of() : List.of(d.rulesResponsible.split(",")));
        }
    }
}
