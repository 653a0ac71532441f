package dev.shophealth.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the demo users in an empty user table — reviewer, analyst, admin and merchant-S1001 … merchant-S1005 —
 * with the passwords from configuration. The prod profile refuses to start while any password is a default.
 */
@ApplicationScoped
public class DemoUsers {

    /** The defaults README lists; never accepted in prod. */
    static final Map<String, String> DEFAULTS = Map.of("reviewer", "reviewer-demo", "analyst", "analyst-demo",
            "admin", "admin-demo", "merchant", "merchant-demo");
    private static final Logger LOG = Logger.getLogger(DemoUsers.class);

    @ConfigProperty(name = "shophealth.users.reviewer-password", defaultValue = "reviewer-demo")
    String reviewer;
    @ConfigProperty(name = "shophealth.users.analyst-password", defaultValue = "analyst-demo")
    String analyst;
    @ConfigProperty(name = "shophealth.users.admin-password", defaultValue = "admin-demo")
    String admin;
    @ConfigProperty(name = "shophealth.users.merchant-password", defaultValue = "merchant-demo")
    String merchant;

    void onStart(@Observes @Priority(0) StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            refuseDefaults(Map.of("reviewer", reviewer, "analyst", analyst, "admin", admin, "merchant", merchant));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (AppUser.count() > 0) {
                return;
            }
            Map<String, String[]> users = new LinkedHashMap<>();
            users.put("reviewer", new String[] {reviewer, Roles.REVIEWER, null});
            users.put("analyst", new String[] {analyst, Roles.ANALYST, null});
            users.put("admin", new String[] {admin, Roles.ADMIN, null});
            for (int i = 1; i <= 5; i++) {
                users.put("merchant-S100" + i, new String[] {merchant, Roles.MERCHANT, "S100" + i});
            }
            users.forEach((name, u) -> {
                AppUser user = new AppUser();
                user.username = name;
                user.password = BcryptUtil.bcryptHash(u[0]);
                user.role = u[1];
                user.shopIds = u[2];
                user.persist();
            });
            LOG.infof("Created the demo users %s", users.keySet());
        });
    }

    /** Throws when a password is one of the defaults README publishes. */
    static void refuseDefaults(Map<String, String> passwords) {
        passwords.forEach((user, password) -> {
            if (password.equals(DEFAULTS.get(user))) {
                throw new IllegalStateException("The " + user + " password is the published default; set "
                        + "SHOPHEALTH_USERS_" + user.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD before running in prod");
            }
        });
    }
}
