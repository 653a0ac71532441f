package dev.shophealth.shophealth;

import dev.shophealth.decision.Decision;
import dev.shophealth.decision.Decisions;

import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.shophealth.common.Languages;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A health report from a history sent in the body: for integrators, and analysts trying a case by hand. */
@Path("/api/evaluate")
@RolesAllowed({Roles.MERCHANT, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
public class EvaluateResource {

    @Inject
    Decisions decisions;

    @Inject
    HealthReports reports;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The shop-health report of a posted order history; nothing is stored")
    public HealthReport evaluate(@NotNull(message = "a shop history is required") @Valid HistoryRequest body,
            @Context HttpHeaders headers) {
        Decision decision = decisions.evaluate(r -> HealthReports.given(
                HistoryMetrics.windows(body, HealthWindows.of(r.parameters().parameters()))));
        return reports.report(body.shop().id(), body.asOf().toInstant(), decision,
                Languages.pick(headers));
    }
}
