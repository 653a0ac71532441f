package dev.shophealth.shophealth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import dev.shophealth.common.ShopHealthConfig;
import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.shophealth.common.Languages;
import dev.shophealth.common.Params;
import dev.shophealth.common.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Merchants' view of their shop: risk score, level, metrics, consequences, what to do first; and its trend. */
@Path("/api/shops/{shopId}/health")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MERCHANT, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
public class ShopHealthResource {

    @Inject
    ShopHealthService health;

    @Inject
    ShopHealthConfig config;

    @GET
    @Operation(summary = "The shop's risk of a rating downgrade, with metrics over 7, 30 and 90 days")
    public HealthReport report(@PathParam("shopId") String shopId,
            @Parameter(description = "report date: an instant, or a day (its end); default now") @QueryParam("asOf") String asOf,
            @Context HttpHeaders headers) {
        boolean now = asOf == null || asOf.isBlank();
        Instant at = now ? Instant.now() : Params.instant("asOf", asOf, true, config.zone());
        return health.report(shopId, at, now ? ShopHealthService.Recording.ON_CHANGE : ShopHealthService.Recording.NONE,
                Languages.pick(headers));
    }

    @POST
    @Path("/snapshot")
    @Operation(summary = "Record the shop's current report in the decision log, changed or not",
            description = "A GET records a row only when the outcome differs from the shop's last recorded one.")
    @APIResponse(responseCode = "201", description = "Recorded; the report with the id of its decision-log row",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HealthReport.class)))
    public Response snapshot(@PathParam("shopId") String shopId, @Context HttpHeaders headers) {
        HealthReport report = health.report(shopId, Instant.now(), ShopHealthService.Recording.ALWAYS,
                Languages.pick(headers));
        return Response.status(Response.Status.CREATED).entity(report).build();
    }

    @GET
    @Path("/history")
    @Operation(summary = "The score and level at past dates, computed with the active ruleset, for a chart")
    public ShopHealthService.Trend history(@PathParam("shopId") String shopId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @Parameter(description = "ISO-8601 duration, e.g. P1D or P7D; default P1D") @QueryParam("step") String step) {
        Params.Period period = Params.period(from, to, 30, config.zone());
        return health.history(shopId, period.from(), period.to(), step(step));
    }

    /** Dates run from year 1 to 9999: a longer step can only give one point. */
    static final Duration MAX_STEP = Duration.ofDays(3_652_500);

    private static Duration step(String raw) {
        if (raw == null || raw.isBlank()) {
            return Duration.ofDays(1);
        }
        try {
            Duration step = Duration.parse(raw.strip());
            if (step.compareTo(Duration.ofHours(1)) < 0) {
                throw ProblemException.badRequest("step", "must be at least PT1H");
            }
            if (step.compareTo(MAX_STEP) > 0) {
                // the next point would lie past the last instant Java can hold
                throw ProblemException.badRequest("step", "must be at most " + MAX_STEP + " (10,000 years)");
            }
            return step;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("step", "must be an ISO-8601 duration such as P1D or P7D, got '" + raw + "'");
        }
    }
}
