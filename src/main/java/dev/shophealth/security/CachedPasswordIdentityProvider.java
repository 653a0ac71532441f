package dev.shophealth.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.runtime.JpaIdentityProvider;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Checks HTTP Basic credentials against the user table. In order: a user name or address that failed too often is
 * refused unchecked (429, {@link LoginThrottle}); a password bcrypt cannot compare exactly is refused
 * ({@link PasswordRules}); a successful check is remembered for {@link #TTL}, because bcrypt is slow on purpose
 * (tens of milliseconds) and Basic sends the password with every request (a Caffeine cache: at most
 * {@link #MAX_ENTRIES}, the least used evicted first). Only a SHA-256 of user and password is kept, never the password; a wrong password is never remembered. Every failure is counted for the throttle and the
 * audit log.
 */
@ApplicationScoped
public class CachedPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;

    @Inject
    JpaIdentityProvider users;

    @Inject
    LoginThrottle throttle;

    @Inject
    LoginAudit audit;

    private final Cache<String, SecurityIdentity> verified = Caffeine.newBuilder().expireAfterWrite(TTL)
            .maximumSize(MAX_ENTRIES).build();

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
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        String address = clientAddress(request);
        Optional<Duration> wait = throttle.acquire(username, address);
        if (wait.isPresent()) {
            audit.refused(username, address);
            return Uni.createFrom().failure(LoginFailures.throttled(wait.get()));
        }
        if (!PasswordRules.plausibleUsername(username) || PasswordRules.problem(password).isPresent()) {
            // no stored password matches it: refused before the database is asked
            return failed(username, address);
        }
        String key = key(username, password);
        SecurityIdentity known = verified.getIfPresent(key);
        if (known != null) {
            throttle.succeeded(username, address);
            return Uni.createFrom().item(known);
        }
        return users.authenticate(request, context)
                // the user table could not be asked (database down): not the caller's failure
                .onFailure(e -> !(e instanceof AuthenticationFailedException)).invoke(() -> throttle.cancel(username, address))
                .onFailure(AuthenticationFailedException.class).recoverWithUni(e -> failed(username, address))
                .onItem().transformToUni(identity -> {
                    if (identity == null) {
                        return failed(username, address);
                    }
                    verified.put(key, identity);
                    throttle.succeeded(username, address);
                    return Uni.createFrom().item(identity);
                });
    }

    /** Forgets every remembered check: after a password changes, the old one must be checked again (and fail). */
    void forgetAll() {
        verified.invalidateAll();
    }

    private Uni<SecurityIdentity> failed(String username, String address) {
        audit.failed(username, address);
        return Uni.createFrom().failure(LoginFailures.wrongCredentials());
    }

    /** The caller's address; behind a proxy, what quarkus.http.proxy.* makes of its forwarding headers. */
    static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        return http == null || http.request().remoteAddress() == null ? "unknown"
                : http.request().remoteAddress().hostAddress();
    }

    private static String key(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] user = username.getBytes(StandardCharsets.UTF_8);
            // the user name's length first, so no other split of the same bytes into user and password matches
            sha.update(ByteBuffer.allocate(4).putInt(user.length).array());
            sha.update(user);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
