package dev.shophealth.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the configured passwords before any is applied, collecting every problem: a start that fails names all
 * the variables to fix at once, one line each.
 */
final class StartupPasswordCheck {

    /** The demo passwords README publishes, by setting; refused in production. */
    static final Map<String, String> PUBLISHED = Map.of("reviewer", "reviewer-demo", "analyst", "analyst-demo",
            "analyst2", "analyst2-demo",
            "admin", "admin-demo", "merchant", "merchant-demo");

    /** A password the start needs: its setting (e.g. {@code admin}), its value if set, and whose it is. */
    record Need(String setting, Optional<String> password, String forWhom) {
    }

    private StartupPasswordCheck() {
    }

    /** One line per setting at fault, naming its environment variable; empty when all can be applied. */
    static List<String> problems(List<Need> needs, boolean production) {
        List<String> lines = new ArrayList<>();
        for (Need need : needs) {
            problem(need, production).ifPresent(p -> lines.add(variable(need.setting()) + " (shophealth.users."
                    + need.setting() + "-password) " + p + "; it is the password of " + need.forWhom()));
        }
        return lines;
    }

    /** The refusal the start reports: a heading and the problem lines, without a stack trace. */
    static String message(List<String> problems) {
        return "shop-health cannot start: " + problems.size() + " password setting" + (problems.size() == 1 ? "" : "s")
                + " to fix\n  " + String.join("\n  ", problems);
    }

    static String variable(String setting) {
        return "SHOPHEALTH_USERS_" + setting.toUpperCase(Locale.ROOT) + "_PASSWORD";
    }

    private static Optional<String> problem(Need need, boolean production) {
        if (need.password().isEmpty()) {
            return Optional.of("is not set");
        }
        String password = need.password().get();
        if (production && password.equals(PUBLISHED.get(need.setting()))) {
            return Optional.of("is the published demo password");
        }
        return PasswordRules.problem(password);
    }
}
