package dev.shophealth.ruleset.version;

import dev.shophealth.common.FieldError;
import dev.shophealth.common.ProblemException;
import dev.shophealth.ruleset.RulesetActivation;
import dev.shophealth.ruleset.RulesetApproval;
import dev.shophealth.ruleset.RulesetConfig;
import dev.shophealth.ruleset.RulesetRegistry;
import dev.shophealth.ruleset.RulesetVersion;
import dev.shophealth.ruleset.backtest.BacktestJob;
import dev.shophealth.ruleset.backtest.BacktestService;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.security.Audit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who must agree before a version goes live, and on what: four eyes (an analyst other than the version's author
 * approved it, with a comment) and backtest first (a finished backtest of exactly this version against the ruleset
 * active now, no older than {@code shophealth.rules.governance.backtest-max-age}). Single-person mode (development)
 * waives the second analyst, never the backtest.
 */
@ApplicationScoped
public class Governance {

    static final int MAX_COMMENT = 1000;

    @Inject
    RulesetConfig config;
    @Inject
    RulesetRegistry registry;
    @Inject
    BacktestService backtests;
    @Inject
    Audit audit;

    /** The packaged application (prod) refuses to start in single-person mode: it is for development only. */
    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        if (config.governance().singlePerson() && io.quarkus.runtime.LaunchMode.current()
                == io.quarkus.runtime.LaunchMode.NORMAL) {
            throw new io.quarkus.runtime.configuration.ConfigurationException("shop-health cannot start: "
                    + "shophealth.rules.governance.single-person (SHOPHEALTH_RULES_GOVERNANCE_SINGLE_PERSON) is true;"
                    + " single-person mode, which lets one analyst activate rules alone, is for development only");
        }
    }

    /** Records the caller's approval of {@code revision}; its author may not approve it (403) unless single-person. */
    public ApprovalView approve(String revision, String comment) {
        String why = comment == null ? "" : comment.strip();
        if (why.isEmpty() || why.length() > MAX_COMMENT) {
            throw ProblemException.badRequest("comment", why.isEmpty() ? "is required: say why the change is right"
                    : "is longer than " + MAX_COMMENT + " characters");
        }
        String approver = audit.actor();
        Optional<BacktestJob.View> backtest = freshBacktest(revision);
        return QuarkusTransaction.requiringNew().call(() -> {
            RulesetVersion version = version(revision);
            if (!config.governance().singlePerson() && approver.equals(version.author)) {
                throw new ProblemException(403, "Forbidden", "Four eyes: " + approver + " wrote version " + revision
                        + " and cannot approve it; another analyst must", List.of(new FieldError("approvedBy",
                                "is the version's author")));
            }
            if (RulesetApproval.count("revision = ?1 and approvedBy = ?2", revision, approver) > 0) {
                throw ProblemException.conflict(approver + " approved version " + revision + " already");
            }
            RulesetApproval a = new RulesetApproval();
            a.revision = revision;
            a.approvedBy = approver;
            a.approvedAt = Instant.now();
            a.comment = why;
            a.backtestId = backtest.map(BacktestJob.View::id).orElse(null);
            a.persist();
            audit.record("RULESET_APPROVED", revision, why + backtest.map(b -> " (backtest " + b.id() + ": "
                    + b.verdictsChanged() + " verdicts and " + b.levelsChanged() + " levels changed)").orElse(""));
            return ApprovalView.of(a, backtest.orElse(null));
        });
    }

    /** A version, its approvals and backtests, and what its activation still needs. */
    public VersionDetail detail(String revision, VersionView view) {
        List<BacktestJob.View> jobs = backtests.of(revision);
        List<ApprovalView> approvals = QuarkusTransaction.requiringNew().call(() -> RulesetApproval.of(revision)
                .stream().map(a -> ApprovalView.of(a, jobs.stream().filter(j -> j.id().equals(a.backtestId))
                        .findFirst().orElse(null))).toList());
        return new VersionDetail(view, approvals, jobs, freshBacktest(revision).orElse(null),
                missing(revision, view.author(), approvals), config.governance().singlePerson());
    }

    /** What an activation of {@code revision} rests on; 409 naming everything missing. */
    RulesetActivation.Evidence check(String revision, String comment) {
        String author = QuarkusTransaction.requiringNew().call(() -> version(revision).author);
        List<ApprovalView> approvals = QuarkusTransaction.requiringNew().call(() -> RulesetApproval.of(revision)
                .stream().map(a -> ApprovalView.of(a, null)).toList());
        List<String> missing = missing(revision, author, approvals);
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("Version " + revision + " cannot be activated: " + String.join("; ", missing));
        }
        BacktestJob.View backtest = freshBacktest(revision).orElseThrow();
        String approvedBy = approvals.stream().map(ApprovalView::approvedBy).filter(a -> !a.equals(author))
                .findFirst().orElse(approvals.isEmpty() ? null : approvals.get(0).approvedBy());
        return new RulesetActivation.Evidence(comment == null || comment.isBlank() ? null : comment.strip(),
                approvedBy, backtest.id(), backtest.verdictsChanged(), backtest.levelsChanged());
    }

    private List<String> missing(String revision, String author, List<ApprovalView> approvals) {
        List<String> missing = new ArrayList<>();
        String active = registry.active().map(CompiledRuleset::revision).orElse(null);
        if (revision.equals(active)) {
            missing.add("it is the active ruleset already");
            return missing;
        }
        boolean approved = approvals.stream().anyMatch(a -> config.governance().singlePerson()
                || !a.approvedBy().equals(author));
        if (!approved && !config.governance().singlePerson()) {
            missing.add("no analyst other than its author (" + author + ") has approved it (POST /api/rulesets/"
                    + revision + "/approvals)");
        }
        if (freshBacktest(revision).isEmpty()) {
            missing.add("no backtest of it against the active ruleset (" + active + ") finished within the last "
                    + config.governance().backtestMaxAge().toHours() + " h (POST /api/rulesets/" + revision + "/backtest)");
        }
        return missing;
    }

    private Optional<BacktestJob.View> freshBacktest(String revision) {
        String active = registry.active().map(CompiledRuleset::revision).orElse(null);
        return active == null ? Optional.empty()
                : backtests.usable(revision, active, Instant.now().minus(config.governance().backtestMaxAge()));
    }

    private static RulesetVersion version(String revision) {
        RulesetVersion v = RulesetVersion.findById(revision);
        if (v == null) {
            throw ProblemException.notFound("No ruleset version '" + revision + "'");
        }
        return v;
    }
}
