package dev.shophealth.web;

import dev.shophealth.common.Params;
import dev.shophealth.common.ProblemException;
import dev.shophealth.security.Audit;
import dev.shophealth.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit log for admins, newest first: failed logins, ruleset uploads and activations, reviewers' decisions. */
@Path("/admin/audit")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    @Inject
    Pages pages;
    @Inject
    Audit audit;
    @Inject
    @Location("web/admin/audit.html")
    Template page;

    @GET
    @Operation(hidden = true)
    public Response show(@QueryParam("limit") String limit) {
        if (!pages.signedIn()) {
            return Pages.toLogin();
        }
        if (!pages.hasRole(Roles.ADMIN)) {
            return pages.notFound();
        }
        int n;
        String problem = null;
        try {
            n = Params.intInRange("limit", limit, 100, 1, 1000);
        } catch (ProblemException e) {
            n = 100;
            problem = pages.text("audit.badLimit");
        }
        return pages.html(problem == null ? 200 : 400, page.data("events", audit.recent(n)).data("limit", n)
                .data("problem", problem));
    }
}
