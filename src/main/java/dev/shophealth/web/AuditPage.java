package dev.shophealth.web;

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

    private static final int DEFAULT_LIMIT = 100;

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
        Integer n = limit(limit);
        String problem = n == null ? pages.text("audit.badLimit") : null;
        n = n == null ? DEFAULT_LIMIT : n;
        return pages.html(problem == null ? 200 : 400, page.data("events", audit.recent(n)).data("limit", n)
                .data("problem", problem));
    }

    /**
     * The page's {@code limit}, 1 to 1000 (the default when blank), or null when it is not such a number: the page
     * then shows the default with a message, where the API answers 400.
     */
    private static Integer limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            return n >= 1 && n <= 1000 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
