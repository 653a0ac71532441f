package dev.shophealth.shophealth;

import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.shophealth.common.Languages;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.Evaluation;
import dev.shophealth.ruleset.NoActiveRulesetException;
import dev.shophealth.ruleset.RulesetRegistry;
import jakarta.inject.Inject;
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
    RulesetRegistry rulesets;

    @Inject
    HealthReports reports;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The shop-health report of a posted order history; nothing is stored")
    public HealthReport evaluate(HistoryRequest history, @Context HttpHeaders headers) {
        var windows = HistoryMetrics.windows(history);
        CompiledRuleset ruleset = rulesets.active().orElseThrow(NoActiveRulesetException::new);
        Evaluation e = reports.evaluate(ruleset, windows);
        return reports.report(history.shop().id(), history.asOf().toInstant(), ruleset, windows, e, null,
                Languages.pick(headers));
    }
}
