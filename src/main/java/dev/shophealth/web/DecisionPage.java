package dev.shophealth.web;

import dev.shophealth.common.PageResponse;
import dev.shophealth.common.ProblemException;
import dev.shophealth.decision.DecisionSearch;
import dev.shophealth.decision.DecisionService;
import dev.shophealth.decision.DecisionView;
import dev.shophealth.decision.ReplayReport;
import dev.shophealth.ruleset.version.RulesetVersionService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The decision view: find a decision by order number or id; see its input facts, its outcome and the rules that
 * fired; replay it with any stored version (the recorded one reproduces it) and see what differs. A replay is a
 * read: nothing is recorded.
 */
@Path("/rules/decisions")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class DecisionPage {

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}");

    @Inject
    Pages pages;
    @Inject
    DecisionSearch search;
    @Inject
    DecisionService decisions;
    @Inject
    RulesetVersionService versions;
    @Inject
    @Location("web/rules/decisions.html")
    Template list;
    @Inject
    @Location("web/rules/decision.html")
    Template one;

    @GET
    @Operation(hidden = true)
    @Transactional
    public Response find(@QueryParam("q") String q, @QueryParam("page") String page) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        String query = q == null ? "" : q.strip();
        if (ID.matcher(query).matches()) {
            return Pages.redirect("/rules/decisions/" + query.toLowerCase(java.util.Locale.ROOT));
        }
        var filter = new DecisionSearch.Filter(null, query.isEmpty() ? null : query, null, null, null, null, null, null);
        PageResponse<DecisionSearch.DecisionSummary> found = search.search(filter, Paging.page(page), 20);
        return pages.html(list.data("q", query).data("found", found).data("pager", Paging.of(found, "decisions"))
                .data("base", pages.baseQuery()));
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public Response show(@PathParam("id") String id, @QueryParam("replay") String replay) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        DecisionView d;
        try {
            d = decisions.get(id);
        } catch (ProblemException e) {
            return pages.notFound();
        }
        ReplayReport report = null;
        String problem = null;
        int status = 200;
        if (replay != null && !replay.isBlank()) {
            try {
                report = decisions.replay(id, replay);
            } catch (ProblemException e) {
                problem = pages.text("decision.noVersion", java.util.Map.of("revision", replay));
                status = e.status() == 404 ? 404 : e.status();
            }
        }
        return pages.html(status, one.data("d", d).data("facts", d.input().toPrettyString()).data("replay", report)
                .data("replayRevision", replay == null ? "" : replay).data("problem", problem)
                .data("versions", versions.list()));
    }
}
