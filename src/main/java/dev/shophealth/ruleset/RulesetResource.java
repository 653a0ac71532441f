package dev.shophealth.ruleset;

import dev.shophealth.ruleset.engine.ScenarioReport;

import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The live rule base for analysts: inspect, reload without restart, see the scenarios (trying facts on it is
 * {@code dev.shophealth.decision.TryFactsResource}: every evaluation goes through {@code Decisions}).
 */
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

    @GET
    @Path("/active/scenarios")
    @Operation(summary = "The scenarios the active ruleset passed when it was activated")
    public ScenarioReport scenarios() {
        return rulesets.scenarios();
    }
}
