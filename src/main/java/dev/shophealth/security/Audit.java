package dev.shophealth.security;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The audit log. An action is recorded in the transaction of the action itself (it is there only if the action
 * happened); a failed login in a transaction of its own.
 */
@ApplicationScoped
public class Audit {

    /** An audit event as admins read it. */
    public record EventView(long id, Instant at, String actor, String action, String subject, String detail) {
    }

    @Inject
    CurrentIdentityAssociation identities;

    /** The authenticated caller, or {@code system} for what the service does by itself. */
    public String actor() {
        if (!Arc.container().requestContext().isActive()) {
            return "system";
        }
        SecurityIdentity identity = identities.getIdentity();
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public void record(String action, String subject, String detail) {
        QuarkusTransaction.joiningExisting().run(() -> write(actor(), action, subject, detail));
    }

    void failedLogin(String username) {
        QuarkusTransaction.requiringNew().run(() -> write(username == null ? "anonymous" : username,
                "LOGIN_FAILED", null, null));
    }

    public List<EventView> recent(int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> AuditEvent.<AuditEvent>findAll(Sort.descending("id"))
                .page(0, limit).list().stream()
                .map(e -> new EventView(e.id, e.at, e.actor, e.action, e.subject, e.detail)).toList());
    }

    private static void write(String actor, String action, String subject, String detail) {
        AuditEvent e = new AuditEvent();
        e.at = Instant.now();
        e.actor = actor.length() > 100 ? actor.substring(0, 100) : actor;
        e.action = action;
        e.subject = subject;
        e.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
        e.persist();
    }
}
