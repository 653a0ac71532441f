package dev.shophealth.ruleset.backtest;

import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Backtests: what a candidate ruleset would have decided over a past period, as a job to poll or cancel. They are
 * started under the version ({@code POST /api/rulesets/{revision}/backtest}, see RulesetVersionResource).
 */
@Path("/api/backtests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class BacktestResource {

    @Inject
    BacktestService backtests;

    @GET
    @Path("/{id}")
    @Operation(summary = "A backtest's progress (percent, ETA) and, when done, its report")
    public BacktestJob.View get(@PathParam("id") String id) {
        return backtests.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel a running backtest")
    public BacktestJob.View cancel(@PathParam("id") String id) {
        return backtests.cancel(id);
    }
}
