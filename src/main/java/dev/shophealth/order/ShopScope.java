package dev.shophealth.order;

import dev.shophealth.common.ProblemException;
import dev.shophealth.security.AppUser;
import dev.shophealth.security.Roles;
import io.quarkus.panache.common.Parameters;
import java.util.List;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import java.util.Optional;
import java.util.Set;

/**
 * Which shops the caller may see: a merchant only its own, everyone else all. Anything of another shop answers
 * 404, exactly as if it did not exist, so shop ids do not leak.
 */
@ApplicationScoped
public class ShopScope {

    @Inject
    CurrentIdentityAssociation identities;

    /** The merchant's shops; empty for callers who see every shop (and outside any request, e.g. at start). */
    public Optional<Set<String>> shops() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        SecurityIdentity identity = identities.getIdentity();
        if (identity == null || identity.isAnonymous() || !identity.hasRole(Roles.MERCHANT)) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            // a bearer token names the merchant's shops itself
            return Optional.of(shopsClaim(token.getClaim("shops")));
        }
        return Optional.of(Optional.ofNullable(AppUser.<AppUser>findById(identity.getPrincipal().getName()))
                .map(AppUser::shops).orElse(Set.of()));
    }

    private static Set<String> shopsClaim(Object claim) {
        if (claim == null) {
            return Set.of();
        }
        if (claim instanceof java.util.Collection<?> values) {
            return values.stream().map(v -> v.toString().replace("\"", "").strip()).collect(java.util.stream.Collectors.toSet());
        }
        return java.util.Arrays.stream(claim.toString().split(",")).map(String::strip).collect(java.util.stream.Collectors.toSet());
    }

    public boolean sees(String shopId) {
        return shops().map(s -> s.contains(shopId)).orElse(true);
    }

    /** 404 unless the shop exists and the caller may see it. */
    public void requireShop(String shopId) {
        requireShop(shopId, Shop.findById(shopId) != null);
    }

    /**
     * 404 unless the shop exists — {@code exists}, as the caller read it with more in the same statement (a health
     * read: {@code shophealth.ShopHeads}) — and the caller may see it.
     */
    public void requireShop(String shopId, boolean exists) {
        if (!exists || !sees(shopId)) {
            throw ProblemException.notFound("No shop '" + shopId + "'");
        }
    }

    /**
     * Narrows a listing query to what the caller may see: the asked shop (404 if it is not one of the merchant's)
     * or, for a merchant asking for none, the merchant's shops.
     */
    public void restrict(String shopId, List<String> where, Parameters params) {
        if (shopId != null) {
            if (!sees(shopId)) {
                throw ProblemException.notFound("No shop '" + shopId + "'");
            }
            where.add("shopId = :shopId");
            params.and("shopId", shopId);
        }
        shops().ifPresent(shops -> {
            where.add("shopId in :shops");
            params.and("shops", shops.isEmpty() ? Set.of("") : shops);
        });
    }
}
