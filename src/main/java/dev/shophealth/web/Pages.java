package dev.shophealth.web;

import dev.shophealth.order.ShopScope;
import dev.shophealth.security.Roles;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The request's page context: language, formats, who is signed in. Page classes ask it who the user is and hand
 * every template its {@code ctx}, {@code m} (texts) and {@code fmt}.
 */
@RequestScoped
public class Pages {

    @Inject
    SecurityIdentity identity;

    @Inject
    ShopScope scope;

    @Inject
    Texts texts;

    @Inject
    HttpServerRequest request;

    @Inject
    dev.shophealth.common.ShopHealthConfig config;

    @Inject
    @io.quarkus.qute.Location("web/not-found.html")
    io.quarkus.qute.Template notFound;

    private Locale locale;

    public Locale locale() {
        if (locale == null) {
            locale = WebLocales.pick(request);
        }
        return locale;
    }

    public Map<String, String> m() {
        return texts.of(locale());
    }

    public Fmt fmt() {
        return new Fmt(locale(), config.zone(), texts);
    }

    /** A text with named arguments, formatted for the page's language (see {@link Texts#format}). */
    public String text(String key, Map<String, ?> args) {
        return texts.format(locale(), key, args);
    }

    public String text(String key) {
        return text(key, Map.of());
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public boolean merchant() {
        return signedIn() && identity.hasRole(Roles.MERCHANT);
    }

    public boolean reviewer() {
        return signedIn() && (identity.hasRole(Roles.REVIEWER) || identity.hasRole(Roles.ANALYST)
                || identity.hasRole(Roles.ADMIN));
    }

    /** Analysts and admins: the rules workbench. */
    public boolean analyst() {
        return hasRole(Roles.ANALYST) || hasRole(Roles.ADMIN);
    }

    /**
     * Whether the caller may open a workbench page: empty if so; else the login page (not signed in) or the 404
     * page (no workbench for this role), as the API answers 403 without telling what is there.
     */
    public Optional<Response> analystGate() {
        if (!signedIn()) {
            return Optional.of(toLogin());
        }
        return analyst() ? Optional.empty() : Optional.of(notFound());
    }

    public boolean hasRole(String role) {
        return signedIn() && identity.hasRole(role);
    }

    /** The merchant's own shop (the first, when it has several); empty for everyone else. */
    public Optional<String> ownShop() {
        return scope.shops().flatMap(s -> s.stream().min(Comparator.naturalOrder()));
    }

    public PageContext ctx() {
        Locale other = WebLocales.isChinese(locale()) ? Locale.ENGLISH : WebLocales.ZH;
        String back = request.uri();
        String switchUrl = "/lang?to=" + WebLocales.tag(other) + "&back=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
        return new PageContext(WebLocales.tag(locale()), switchUrl, texts.of(other).get("lang.self"),
                WebLocales.tag(other), signedIn() ? identity.getPrincipal().getName() : null, merchant(), reviewer(),
                ownShop().orElse(null), analyst(), hasRole(Roles.ADMIN));
    }

    /** Adds what every page needs to a template instance. */
    public TemplateInstance page(TemplateInstance page) {
        return page.data("ctx", ctx()).data("m", m()).data("fmt", fmt());
    }

    /** The rendered page, 200. */
    public Response html(TemplateInstance page) {
        return html(200, page);
    }

    public Response html(int status, TemplateInstance page) {
        return Response.status(status).type("text/html;charset=UTF-8").entity(page(page).render()).build();
    }

    /** This page's query without its page number, ready for "page=n": {@code ?status=X&} or {@code ?}. */
    public String baseQuery() {
        String query = request.query();
        StringBuilder base = new StringBuilder("?");
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("page=")) {
                    base.append(pair).append('&');
                }
            }
        }
        return base.toString();
    }

    /** The 404 page: for a page that does not exist and for another merchant's shop alike. */
    public Response notFound() {
        return html(404, notFound.instance());
    }

    /**
     * Whether the caller may open the pages of this shop: empty if so; else the login page (not signed in) or
     * the 404 page (no such shop, or another merchant's), exactly as the API answers 404.
     */
    public Optional<Response> shopGate(String shopId, boolean merchantOnly) {
        if (!signedIn()) {
            return Optional.of(toLogin());
        }
        if (merchantOnly && !merchant() && !identity.hasRole(Roles.ADMIN)) {
            return Optional.of(notFound());
        }
        try {
            scope.requireShop(shopId);
            return Optional.empty();
        } catch (dev.shophealth.common.ProblemException e) {
            return Optional.of(notFound());
        }
    }

    /** 303 to the login page, remembering nothing: after login, {@code /} sends each role home. */
    public static Response toLogin() {
        return Response.seeOther(URI.create("/login")).build();
    }

    public static Response redirect(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
