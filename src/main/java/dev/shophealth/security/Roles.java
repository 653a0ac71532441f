package dev.shophealth.security;

/** The roles of the API. */
public final class Roles {
    public static final String MERCHANT = "MERCHANT";
    public static final String REVIEWER = "REVIEWER";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
