package dev.shophealth.ruleset.version;

import dev.shophealth.common.PageResponse;
import dev.shophealth.decision.Shadow;
import dev.shophealth.decision.ShadowReport;
import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Shadow mode: one stored candidate evaluates every live screening beside the active ruleset, deciding nothing;
 * the screenings it would decide otherwise are listed as a live backtest.
 */
@Path("/api/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ShadowResource {

    @Inject
    Shadow shadow;
    @Inject
    RulesetVersionService versions;

    @PUT
    @Path("/{revision}/shadow")
    @Operation(summary = "Put a stored version in shadow (replacing the one there): it evaluates live screenings "
            + "beside the active ruleset and decides nothing")
    public ShadowReport set(@PathParam("revision") String revision) {
        return shadow.set(versions.resolve(revision));
    }

    @DELETE
    @Path("/shadow")
    @Operation(summary = "Take the version in shadow out of it")
    public Response clear() {
        shadow.clear();
        return Response.noContent().build();
    }

    @GET
    @Path("/shadow")
    @Operation(summary = "The version in shadow and its live comparison: screenings since it was put there, "
            + "disagreements, this instance's errors and dropped comparisons")
    public ShadowReport report() {
        return shadow.report();
    }

    @GET
    @Path("/shadow/disagreements")
    @Operation(summary = "Live screenings the version in shadow (or 'revision') would decide otherwise, newest first")
    public PageResponse<ShadowReport.Disagreement> disagreements(@QueryParam("revision") String revision,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return shadow.disagreements(revision == null || revision.isBlank() ? null : revision.strip(), page, size);
    }
}
