package dev.shophealth.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit log, for admins. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    @Inject
    Audit audit;

    @GET
    @Operation(summary = "Security-relevant events, newest first: failed logins, ruleset uploads and activations, reviews")
    public List<Audit.EventView> recent(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audit.recent(limit);
    }
}
