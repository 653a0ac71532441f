package dev.shophealth.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which database the service runs on, for the few statements written for each (PostgreSQL's {@code on conflict},
 * {@code COPY}, {@code ANALYZE} and planner settings against H2's {@code merge}). Fixed when the jar is built.
 */
@ApplicationScoped
public class DatabaseKind {

    private final boolean postgres;

    @Inject
    DatabaseKind(@ConfigProperty(name = "quarkus.datasource.db-kind") String kind) {
        this.postgres = kind.startsWith("postgres");
    }

    public boolean postgres() {
        return postgres;
    }
}
