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
    Governance governance;

    @Inject
    ShopHealthConfig config;

    @POST
    @Consumes("application/zip")
    @Operation(summary = "Upload a candidate ruleset as a zip of its files; checked as a reload, stored, not activated",
            description = "The version's author is the authenticated caller.")
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
    @Path("/{revision}")
    @Operation(summary = "A version for its approvers: approvals, backtests with their headline numbers, and what "
            + "its activation still needs ('missing', empty when it may be activated); 'active' names the active one")
    public VersionDetail detail(@PathParam("revision") String revision) {
        return versions.detail(revision);
    }

    @GET
    @Path("/{revision}/diff/{other}")
    @Produces({MediaType.APPLICATION_JSON, "text/x-diff"})
    @Operation(summary = "Two versions compared file by file (unified diffs of the changed files); 'active' names "
            + "the active one",
            description = "With Accept: text/x-diff, one unified patch that turns the first version's folder into the "
                    + "second's (patch -p1).")
    @APIResponse(responseCode = "200", description = "The changed files, or the patch",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = FileDiff.class,
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)),
                    @Content(mediaType = "text/x-diff", schema = @Schema(implementation = String.class))})
    public Response diff(@PathParam("revision") String revision, @PathParam("other") String other,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        List<FileDiff> diffs = versions.diff(revision, other);
        return wantsPatch(headers.getHeaderString("Accept")) ? Response.ok(FileDiff.patch(diffs), "text/x-diff; charset=UTF-8").build()
                : Response.ok(diffs, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/{revision}/approvals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a version (four eyes): by an analyst other than its author, with a comment",
            description = "The body is {\"comment\"}. The author approving their own version answers 403; a second "
                    + "approval by the same analyst 409. The backtest fresh at the time is recorded with it.")
    @APIResponse(responseCode = "201", description = "Approved",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApprovalView.class)))
    public Response approve(@PathParam("revision") String revision, ApprovalRequest body) {
        ApprovalView approval = governance.approve(revision, body == null ? null : body.comment());
        return Response.created(URI.create("/api/rulesets/" + revision)).entity(approval).build();
    }

    @POST
    @Path("/{revision}/activate")
    @Operation(summary = "Activate a stored version: approved by a second analyst and backtested first, checked "
            + "again, recorded, served by every instance within seconds",
            description = "409 names what is missing: an approval by an analyst other than the author, or a backtest "
                    + "of exactly this version against the active ruleset that finished within "
                    + "shophealth.rules.governance.backtest-max-age.")
    public ReloadReport activate(@PathParam("revision") String revision, @QueryParam("comment") String comment) {
        return versions.activate(revision, comment);
    }

    @POST
    @Path("/rollback")
    @Operation(summary = "Go back to a revision that was active before: 'to', or the one before the latest "
            + "activation; no approval or backtest needed")
    public ReloadReport rollback(@QueryParam("to") String to) {
        return versions.rollback(to);
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

    /** An approval's body. */
    public record ApprovalRequest(String comment) {
    }

    /** A period: dates or instants. */
    public record Period(String from, String to) {
    }

    /** Whether the first media type the client accepts is text/x-diff; an unreadable Accept header gets JSON. */
    static boolean wantsPatch(String accept) {
        if (accept == null) {
            return false;
        }
        String first = accept.split(",", 2)[0].split(";", 2)[0].strip();
        return first.equalsIgnoreCase("text/x-diff");
    }

    private static Response created(VersionView v) {
        return Response.created(URI.create("/api/rulesets/" + v.revision() + "/files")).entity(v).build();
    }
}
