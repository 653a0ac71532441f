package dev.shophealth.ruleset;

import dev.shophealth.ruleset.engine.ScenarioReport;

import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.shophealth.common.Languages;
import dev.shophealth.common.ProblemException;
import dev.shophealth.fact.Given;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The live rule base for analysts: inspect, reload without restart, try facts, see the scenarios. */
@Path("/api/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class RulesetResource {

    @Inject
    RulesetService rulesets;

    @GET
    @Path("/active")
    @Operation(summary = "The active ruleset: revision, rules with metadata, parameters, last reload error")
    public ActiveRulesetReport active() {
        return rulesets.active();
    }

    @POST
    @Path("/reload")
    @Operation(summary = "Read rules/ again and activate it if it passes every check",
            description = "422 lists every problem (file, line, message); the active ruleset keeps serving.")
    public ReloadReport reload() {
        return rulesets.reload();
    }

    @POST
    @Path("/active/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Try facts on the active ruleset (nothing is stored)",
            description = "The body is a scenario's 'given': a request with stats (screening) or windows (shop "
                    + "health), and optional parameter overrides.")
    public EvaluationReport evaluate(Given given, @Context HttpHeaders headers) {
        if (given == null || (given.request() == null && given.stats().isEmpty() && given.windows().isEmpty())) {
            throw ProblemException.badRequest("request", "give a request (with stats) or a shop's windows");
        }
        return rulesets.evaluate(given, Languages.pick(headers));
    }

    @GET
    @Path("/active/scenarios")
    @Operation(summary = "The scenarios the active ruleset passed when it was activated")
    public ScenarioReport scenarios() {
        return rulesets.scenarios();
    }
}
