package dev.shophealth.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The passwords of the users the service sets up itself, one environment variable each. Applied at every start,
 * so a changed variable takes effect at the next start (the dev and test profiles supply the demo passwords).
 */
@ConfigMapping(prefix = "shophealth.users")
public interface UsersConfig {

    /** The password of the user {@code reviewer} ({@code SHOPHEALTH_USERS_REVIEWER_PASSWORD}). */
    Optional<String> reviewerPassword();

    /** The password of the user {@code analyst} ({@code SHOPHEALTH_USERS_ANALYST_PASSWORD}). */
    Optional<String> analystPassword();

    /**
     * The password of the second analyst {@code analyst2} ({@code SHOPHEALTH_USERS_ANALYST2_PASSWORD}), who approves
     * what {@code analyst} writes (four eyes). Optional: the user is created only when it is set.
     */
    Optional<String> analyst2Password();

    /** The password of the user {@code admin} ({@code SHOPHEALTH_USERS_ADMIN_PASSWORD}). */
    Optional<String> adminPassword();

    /**
     * The password of the sample's merchants {@code merchant-S1001} … {@code merchant-S1005}
     * ({@code SHOPHEALTH_USERS_MERCHANT_PASSWORD}); needed only with the sample data or while they exist.
     */
    Optional<String> merchantPassword();
}
