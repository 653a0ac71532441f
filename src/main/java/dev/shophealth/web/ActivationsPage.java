package dev.shophealth.web;

import dev.shophealth.common.ProblemException;
import dev.shophealth.ruleset.engine.RulesetRejectedException;
import dev.shophealth.ruleset.version.ActivationView;
import dev.shophealth.ruleset.version.RulesetVersionService;
import dev.shophealth.ruleset.version.VersionView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The activation history (who, when, from which revision to which, and the comment of the version activated), and
 * the rollback to the revision active before the latest activation.
 */
@Path("/rules/activations")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ActivationsPage {

    /** One activation with the comment its target version was stored with. */
    @TemplateData
    public record Row(ActivationView a, String comment) {
    }

    @Inject
    Pages pages;
    @Inject
    RulesetVersionService versions;
    @Inject
    @Location("web/rules/activations.html")
    Template page;

    @GET
    @Operation(hidden = true)
    public Response show(@QueryParam("activated") String activated, @QueryParam("rolledBack") String rolledBack) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        return render(activated, rolledBack, null, 200);
    }

    @POST
    @Path("rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response rollback() {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        try {
            return Pages.redirect("/rules/activations?rolledBack=" + versions.rollback().newRevision());
        } catch (ProblemException e) {
            return render(null, null, e.toProblem().detail(), e.status());
        } catch (RulesetRejectedException e) {
            return render(null, null, pages.text("version.refused",
                    Map.of("count", e.problems().size(), "first", e.problems().get(0))), 422);
        }
    }

    private Response render(String activated, String rolledBack, String problem, int status) {
        Map<String, VersionView> byRevision = versions.list().stream()
                .collect(Collectors.toMap(VersionView::revision, Function.identity()));
        List<Row> rows = versions.activations().stream().map(a -> new Row(a,
                Optional.ofNullable(byRevision.get(a.toRevision())).map(VersionView::comment).orElse(null))).toList();
        return pages.html(status, page.data("rows", rows).data("activated", activated).data("rolledBack", rolledBack)
                .data("problem", problem));
    }
}
