package dev.shophealth.decision;

import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The decision log for analysts: one decision and its replay (coverage is under /api/rulesets/coverage). */
@Path("/api/decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class DecisionResource {

    @Inject
    DecisionService decisions;

    @GET
    @Path("/{id}")
    @Operation(summary = "One recorded decision: revision, input facts, outcome, fired rules")
    public DecisionView get(@PathParam("id") String id) {
        return decisions.get(id);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Evaluate the recorded facts again, with the recorded revision or ?version=, and compare")
    public ReplayReport replay(@PathParam("id") String id, @QueryParam("version") String version) {
        return decisions.replay(id, version);
    }
}
