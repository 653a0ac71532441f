package dev.shophealth.ruleset.version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import dev.shophealth.common.ShopHealthConfig;
import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.shophealth.common.Params;
import dev.shophealth.common.ProblemException;
import dev.shophealth.decision.CoverageReport;
import dev.shophealth.decision.DecisionService;
import dev.shophealth.ruleset.ReloadReport;
import dev.shophealth.ruleset.backtest.BacktestService;
import java.time.ZoneId;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Ruleset versions: upload a candidate, list, download, compare, backtest, activate, roll back; rule coverage. */
@Path("/api/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class RulesetVersionResource {

    @Inject
    RulesetVersionService versions;
    @Inject
    BacktestService backtests;
    @Inject
    DecisionService decisions;

    @Inject
    ShopHealthConfig config;

    @POST
    @Consumes("application/zip")
    @Operation(summary = "Upload a candidate ruleset as a zip of its files; checked as a reload, stored, not activated")
    @APIResponse(responseCode = "201", description = "Checked and stored as a candidate (not active)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VersionView.class)))
    public Response upload(byte[] zip, @QueryParam("comment") String comment) {
        return created(versions.upload(zip, comment));
    }

    @POST
    @Path("/from-folder")
    @Operation(summary = "Store the rules folder as it is now as a candidate version; not activated")
    @APIResponse(responseCode = "201", description = "Checked and stored as a candidate (not active)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VersionView.class)))
    public Response uploadFolder(@QueryParam("comment") String comment) {
        return created(versions.uploadFolder(comment));
    }

    @GET
    @Operation(summary = "Every stored version, newest first")
    public List<VersionView> list() {
        return versions.list();
    }

    @GET
    @Path("/activations")
    @Operation(summary = "Every activation and rollback: who, when, from which revision to which")
    public List<ActivationView> activations() {
        return versions.activations();
    }

    @GET
    @Path("/{revision}/files")
    @Produces("application/zip")
    @Operation(summary = "A version's files as a zip")
    public Response files(@PathParam("revision") String revision) {
        return Response.ok(versions.zip(revision), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"ruleset-" + revision + ".zip\"").build();
    }

    @GET
    @Path("/{revision}/diff/{other}")
    @Operation(summary = "Two versions compared file by file (unified diffs of the changed files)")
    public List<FileDiff> diff(@PathParam("revision") String revision, @PathParam("other") String other) {
        return versions.diff(revision, other);
    }

    @POST
    @Path("/{revision}/activate")
    @Operation(summary = "Activate a stored version: checked again, recorded, served by every instance within seconds")
    public ReloadReport activate(@PathParam("revision") String revision) {
        return versions.activate(revision);
    }

    @POST
    @Path("/rollback")
    @Operation(summary = "Go back to the revision active before the latest activation")
    public ReloadReport rollback() {
        return versions.rollback();
    }

    @POST
    @Path("/{revision}/backtest")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a backtest of a stored version against the active ruleset; poll the job it returns",
            description = "The body is {\"from\", \"to\"}: dates (days in the platform's zone, 'to' inclusive) or instants.")
    @APIResponse(responseCode = "202", description = "Started; poll the job at the Location header",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = dev.shophealth.ruleset.backtest.BacktestJob.View.class)))
    public Response backtest(@PathParam("revision") String revision, Period period) {
        if (period == null || period.from() == null || period.to() == null) {
            throw ProblemException.badRequest(period == null || period.from() == null ? "from" : "to", "is required");
        }
        var job = backtests.start(revision, Params.instant("from", period.from(), false, config.zone()),
                Params.instant("to", period.to(), true, config.zone()));
        return Response.accepted(job).location(URI.create("/api/backtests/" + job.id())).build();
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "How often each active rule fired in a period's decisions, and the rules that never fired")
    public CoverageReport coverage(@QueryParam("from") String from, @QueryParam("to") String to) {
        Params.Period p = Params.period(from, to, 30, config.zone());
        return decisions.coverage(p.from(), p.to());
    }

    /** A period: dates or instants. */
    public record Period(String from, String to) {
    }

    private static Response created(VersionView v) {
        return Response.created(URI.create("/api/rulesets/" + v.revision() + "/files")).entity(v).build();
    }
}
