package dev.shophealth.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.runtime.JpaIdentityProvider;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks HTTP Basic credentials against the user table, remembering a successful check for {@link #TTL}: bcrypt is
 * slow on purpose (tens of milliseconds), and Basic sends the password with every request. Only a SHA-256 of
 * user and password is kept, never the password; a wrong password is never cached and always checked again.
 */
@ApplicationScoped
public class CachedPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;

    private record Entry(SecurityIdentity identity, long expiresAt) {
    }

    @Inject
    JpaIdentityProvider users;

    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Asked before the user-table provider, which it calls itself on a miss. */
    @Override
    public int priority() {
        return users.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String key = key(request.getUsername(), request.getPassword().getPassword());
        Entry entry = verified.get(key);
        if (entry != null && entry.expiresAt() > System.currentTimeMillis()) {
            return Uni.createFrom().item(entry.identity());
        }
        return users.authenticate(request, context).invoke(identity -> {
            if (identity != null) {
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
                verified.put(key, new Entry(identity, System.currentTimeMillis() + TTL.toMillis()));
            }
        });
    }

    /** Forgets every remembered check: after a password changes, the old one must be checked again (and fail). */
    void forgetAll() {
        verified.clear();
    }

    private static String key(String username, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
