package dev.shophealth.ruleset;

import dev.shophealth.ruleset.engine.InvalidParametersException;
import dev.shophealth.ruleset.engine.RulesetRejectedException;

import dev.shophealth.common.FieldError;
import dev.shophealth.common.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A rejected ruleset is 422 listing every problem by file and line; no active ruleset at all is 503. */
public class RulesetProblemMappers {

    @ServerExceptionMapper
    public Response rejected(RulesetRejectedException e) {
        var errors = e.problems().stream().map(p -> new FieldError(p.file(), p.message(), p.line())).toList();
        return respond(new Problem("/problems/ruleset-rejected", "Ruleset rejected", 422,
                e.getMessage() + ". The active ruleset keeps serving.", errors));
    }

    /** Parameter overrides of an evaluation that the parameters file refuses: 400, each naming "parameters". */
    @ServerExceptionMapper
    public Response invalidParameters(InvalidParametersException e) {
        var errors = e.problems().stream().map(p -> new FieldError("parameters", p.message())).toList();
        return respond(Problem.of(400, e.getMessage(), errors));
    }

    @ServerExceptionMapper
    public Response none(NoActiveRulesetException e) {
        return respond(Problem.of(503, e.getMessage(), java.util.List.of()));
    }

    private static Response respond(Problem problem) {
        return problem.toResponse().build();
    }
}
