package dev.shophealth.ruleset;

import dev.shophealth.ruleset.engine.RulesetTimeouts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a ruleset has loaded; reports its revision, and how many of its evaluations were stopped at their
 * deadline (a ruleset whose evaluations keep timing out sends its requests to people: operators should see it). A
 * later rejected reload does not make it DOWN.
 */
@Readiness
@ApplicationScoped
public class RulesetReadiness implements HealthCheck {

    @Inject
    RulesetRegistry registry;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("ruleset");
        registry.lastFailure().ifPresent(f -> builder.withData("lastReloadError", f.problems().size()
                + " problem(s) in revision " + f.revision()));
        return registry.active()
                .map(r -> builder.up().withData("revision", r.revision()).withData("rules", r.rules().size())
                        .withData("evaluationsStoppedAtDeadline", RulesetTimeouts.of(r.revision())))
                .orElseGet(() -> builder.down().withData("reason", "no ruleset has loaded"))
                .build();
    }
}
