package dev.shophealth.web;

import dev.shophealth.common.Params;
import dev.shophealth.common.ProblemException;
import dev.shophealth.ruleset.RulesetStore;
import dev.shophealth.ruleset.engine.RulesetRejectedException;
import dev.shophealth.ruleset.engine.ScenarioRunner;
import dev.shophealth.ruleset.backtest.BacktestJob;
import dev.shophealth.ruleset.backtest.BacktestService;
import dev.shophealth.ruleset.version.RulesetVersionService;
import dev.shophealth.ruleset.version.VersionView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * One stored version, usually a candidate: who made it and why, its scenarios (each with its result and the rules
 * it fired), links to its diff and files, a backtest to start, and the activation. The activation card is where
 * approval state and actions belong (four eyes): it shows what the service allows today.
 */
@Path("/rules/versions/{revision}")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class VersionPage {

    /** The scenarios of one file. */
    @io.quarkus.qute.TemplateData
    public record ScenarioGroup(String file, List<ScenarioRunner.Result> results) {
    }

    @Inject
    Pages pages;
    @Inject
    Candidates candidates;
    @Inject
    RulesetStore store;
    @Inject
    RulesetVersionService versions;
    @Inject
    BacktestService backtests;
    @Inject
    dev.shophealth.ruleset.version.Governance governance;
    @Inject
    dev.shophealth.decision.Shadow shadow;
    @Inject
    @Location("web/rules/version.html")
    Template page;

    @GET
    @Operation(hidden = true)
    public Response show(@PathParam("revision") String revision, @QueryParam("created") String created) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        return render(revision, created != null, null, 200);
    }

    @POST
    @Path("activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response activate(@PathParam("revision") String revision) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        try {
            versions.activate(revision);
            return Pages.redirect("/rules/activations?activated=" + revision);
        } catch (ProblemException e) {
            return e.status() == 404 ? pages.notFound() : render(revision, false, e.toProblem().detail(), e.status());
        } catch (RulesetRejectedException e) {
            return render(revision, false, pages.text("version.refused",
                    java.util.Map.of("count", e.problems().size(), "first", e.problems().get(0).toString())), 422);
        }
    }

    /** A second analyst approves the version, with the comment the approval keeps (four eyes). */
    @POST
    @Path("approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response approve(@PathParam("revision") String revision, @FormParam("comment") String comment) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        try {
            governance.approve(revision, comment);
            return Pages.redirect("/rules/versions/" + revision + "?approved=1");
        } catch (ProblemException e) {
            return e.status() == 404 ? pages.notFound() : render(revision, false, e.toProblem().detail(), e.status());
        }
    }

    /** Runs the version in shadow beside the active ruleset ({@code stop=1}: no shadow any more). */
    @POST
    @Path("shadow")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response shadow(@PathParam("revision") String revision, @FormParam("stop") String stop) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        try {
            if (stop != null) {
                shadow.clear();
            } else {
                shadow.set(revision);
            }
            return Pages.redirect("/rules/versions/" + revision);
        } catch (ProblemException e) {
            return e.status() == 404 ? pages.notFound() : render(revision, false, e.toProblem().detail(), e.status());
        }
    }

    @POST
    @Path("backtest")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response backtest(@PathParam("revision") String revision, @FormParam("from") String from,
            @FormParam("to") String to) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        try {
            var zone = pages.fmt().zone();
            BacktestJob.View job = backtests.start(revision, Params.instant("from", from, false, zone),
                    Params.instant("to", to, true, zone));
            return Pages.redirect("/rules/backtests/" + job.id());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return pages.notFound();
            }
            String field = e.errors().isEmpty() ? "from" : e.errors().get(0).field();
            return render(revision, false, pages.text("version.badPeriod", java.util.Map.of("field", field)), e.status());
        }
    }

    private Response render(String revision, boolean created, String problem, int status) {
        Optional<VersionView> version = candidates.version(revision);
        if (version.isEmpty()) {
            return pages.notFound();
        }
        List<ScenarioRunner.Result> scenarios = store.compiled(revision).scenarioResults();
        long failed = scenarios.stream().filter(r -> !r.passed()).count();
        var zone = pages.fmt().zone();
        LocalDate today = LocalDate.now(zone);
        java.util.Map<String, List<ScenarioRunner.Result>> byFile = new java.util.TreeMap<>();
        scenarios.forEach(r -> byFile.computeIfAbsent(r.file(), f -> new java.util.ArrayList<>()).add(r));
        var detail = versions.detail(revision);
        var shadowing = shadow.report();
        boolean inShadow = shadowing != null && revision.equals(shadowing.revision());
        boolean author = version.get().author() != null && version.get().author().equals(pages.ctx().user());
        boolean approvedByOther = detail.approvals().stream().anyMatch(a -> !a.approvedBy().equals(version.get().author()));
        return pages.html(status, page.data("v", version.get()).data("created", created).data("problem", problem)
                .data("detail", detail).data("mayApprove", (!author || detail.singlePersonMode()) && !approvedByOther)
                .data("shadowing", shadowing).data("inShadow", inShadow)
                // the newest disagreements of this version while it ran in shadow (also after it stopped)
                .data("disagreements", shadow.disagreements(revision, 0, 20))
                .data("groups", byFile.entrySet().stream().map(e -> new ScenarioGroup(e.getKey(), e.getValue())).toList())
                .data("scenarios", scenarios).data("failed", failed).data("passed", scenarios.size() - failed).data("activeRevision", candidates.activeRevision())
                .data("from", today.minusDays(90).toString()).data("to", today.toString()));
    }
}
