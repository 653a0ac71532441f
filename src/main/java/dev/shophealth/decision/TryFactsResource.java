package dev.shophealth.decision;

import dev.shophealth.common.Languages;
import dev.shophealth.common.ProblemException;
import dev.shophealth.fact.Given;
import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Analysts try facts on the active ruleset: a scenario's {@code given} in, the rendered evaluation out. */
@Path("/api/rulesets/active/evaluate")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Tag(name = "Ruleset Resource")
public class TryFactsResource {

    @Inject
    Decisions decisions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Try facts on the active ruleset (nothing is stored)",
            description = "The body is a scenario's 'given': a request with stats (screening) or windows (shop "
                    + "health), and optional parameter overrides.")
    public EvaluationReport evaluate(Given given, @Context HttpHeaders headers) {
        if (given == null || (given.request() == null && given.stats().isEmpty() && given.windows().isEmpty())) {
            throw ProblemException.badRequest("request", "give a request (with stats) or a shop's windows");
        }
        return decisions.evaluate(ruleset -> given).report(Languages.pick(headers));
    }
}
