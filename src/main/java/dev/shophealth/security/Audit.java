package dev.shophealth.security;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The audit log. An action is recorded in the transaction of the action itself (it is there only if the action
 * happened); failed logins, counted per user, address and window, in a transaction of their own.
 */
@ApplicationScoped
public class Audit {

    /** An audit event as admins read it. */
    public record EventView(long id, Instant at, String actor, String action, String subject, String detail) {
    }

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    CurrentVertxRequest request;

    /**
     * The authenticated caller, or {@code system} for what the service does by itself: at start-up (no request
     * context) and in scheduled jobs (a request context of their own, but no HTTP request and no one logged in).
     */
    public String actor() {
        if (!Arc.container().requestContext().isActive()) {
            return "system";
        }
        SecurityIdentity identity = identities.getIdentity();
        if (identity != null && !identity.isAnonymous()) {
            return identity.getPrincipal().getName();
        }
        return request.getCurrent() == null ? "system" : "anonymous";
    }

    public void record(String action, String subject, String detail) {
        QuarkusTransaction.joiningExisting().run(() -> write(Instant.now(), actor(), action, subject, detail));
    }

    /**
     * Writes the row of a user's failed logins from one address in one window, or updates it when {@code id} is
     * given, in a transaction of its own; returns its id.
     */
    Long loginFailures(Long id, String user, String address, Instant first, String detail) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AuditEvent e = id == null ? null : AuditEvent.findById(id);
            if (e == null) {
                e = write(first, printable(user), "LOGIN_FAILED", address, detail);
            } else {
                e.detail = detail;
            }
            return e.id;
        });
    }

    public List<EventView> recent(int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> AuditEvent.<AuditEvent>findAll(Sort.descending("id"))
                .page(0, limit).list().stream()
                .map(e -> new EventView(e.id, e.at, e.actor, e.action, e.subject, e.detail)).toList());
    }

    private static AuditEvent write(Instant at, String actor, String action, String subject, String detail) {
        AuditEvent e = new AuditEvent();
        e.at = at;
        e.actor = actor.length() > 100 ? actor.substring(0, 100) : actor;
        e.action = action;
        e.subject = subject;
        e.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
        e.persist();
        return e;
    }

    /** A caller's user name as a row can hold it: control characters (a NUL breaks PostgreSQL text) as '?'. */
    private static String printable(String name) {
        return name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
