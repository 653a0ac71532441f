package dev.shophealth.decisionlog;

import dev.shophealth.common.Params;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The decision log for analysts: one decision, its replay, and rule coverage over a period. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    @Inject
    DecisionService decisions;

    @ConfigProperty(name = "shophealth.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @GET
    @Path("/decisions/{id}")
    @Operation(summary = "One recorded decision: revision, input facts, outcome, fired rules")
    public DecisionView get(@PathParam("id") String id) {
        return decisions.get(id);
    }

    @POST
    @Path("/decisions/{id}/replay")
    @Operation(summary = "Evaluate the recorded facts again, with the recorded revision or ?version=, and compare")
    public ReplayReport replay(@PathParam("id") String id, @QueryParam("version") String version) {
        return decisions.replay(id, version);
    }

    @GET
    @Path("/rulesets/coverage")
    @Operation(summary = "How often each active rule fired in a period's decisions, and the rules that never fired")
    public CoverageReport coverage(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = to == null || to.isBlank() ? Instant.now() : Params.instant("to", to, true, zone);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofDays(30))
                : Params.instant("from", from, false, zone);
        if (start.isAfter(end)) {
            throw dev.shophealth.common.ProblemException.badRequest("from", "must not be after 'to'");
        }
        return decisions.coverage(start, end);
    }
}
