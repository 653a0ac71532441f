package dev.shophealth.ruleset.backtest;

import dev.shophealth.common.Params;
import dev.shophealth.common.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Backtests: what a candidate ruleset would have decided over a past period, as a job to poll or cancel. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class BacktestResource {

    /** The period to replay: dates (days in the platform's zone; 'to' inclusive) or instants. */
    public record BacktestRequest(String from, String to) {
    }

    @Inject
    BacktestService backtests;

    @ConfigProperty(name = "shophealth.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @POST
    @Path("/rulesets/{revision}/backtest")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a backtest of a stored version against the active ruleset; poll the job it returns")
    public Response start(@PathParam("revision") String revision, BacktestRequest period) {
        if (period == null || period.from() == null || period.to() == null) {
            throw ProblemException.badRequest(period == null || period.from() == null ? "from" : "to", "is required");
        }
        var job = backtests.start(revision, Params.instant("from", period.from(), false, zone),
                Params.instant("to", period.to(), true, zone));
        return Response.accepted(job).location(URI.create("/api/backtests/" + job.id())).build();
    }

    @GET
    @Path("/backtests/{id}")
    @Operation(summary = "A backtest's progress (percent, ETA) and, when done, its report")
    public BacktestJob.View get(@PathParam("id") String id) {
        return backtests.get(id);
    }

    @DELETE
    @Path("/backtests/{id}")
    @Operation(summary = "Cancel a running backtest")
    public BacktestJob.View cancel(@PathParam("id") String id) {
        return backtests.cancel(id);
    }
}
