package dev.shophealth.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How failed HTTP Basic logins are throttled and audited. */
@ConfigMapping(prefix = "shophealth.login")
public interface LoginConfig {

    /** Failed logins of one user name within a window, after which its logins answer 429 until the window ends. */
    @WithDefault("5")
    int maxFailuresPerUser();

    /**
     * Failed logins from one client address within a window, after which its logins answer 429 until the window
     * ends; higher than per user, since several people may share an address.
     */
    @WithDefault("20")
    int maxFailuresPerAddress();

    /** The window: it opens at the first failure and the count starts again after it; also the audit's period. */
    @WithDefault("PT1M")
    Duration window();
}
