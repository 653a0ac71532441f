package dev.shophealth.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The way in: {@code /} sends each role to its home page, the login page (its form posts to Quarkus form
 * authentication, which checks the password through the same throttle and audit as HTTP Basic), logout and the
 * language switch.
 */
@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    /** quarkus.http.auth.form.cookie-name */
    static final String SESSION_COOKIE = "shophealth-session";

    @Inject
    Pages pages;

    @Inject
    SecurityIdentity identity;

    @Inject
    @Location("web/login.html")
    Template login;

    @GET
    @Operation(hidden = true)
    public Response home() {
        if (!pages.signedIn()) {
            return Pages.toLogin();
        }
        if (pages.merchant()) {
            return Pages.redirect("/shop");
        }
        // analysts work on the rules; admins and reviewers start at the queue
        return Pages.redirect(pages.hasRole("ANALYST") && !pages.hasRole("REVIEWER") ? "/rules" : "/review");
    }

    @GET
    @Path("login")
    @Operation(hidden = true)
    public Response loginPage(@QueryParam("error") String error, @QueryParam("out") String out) {
        if (pages.signedIn()) {
            return Pages.redirect("/");
        }
        return pages.html(login.data("error", error != null).data("out", out != null));
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout() {
        if (!identity.isAnonymous()) {
            FormAuthenticationMechanism.logout(identity);
        }
        // and the session cookie expired in this answer too, whichever mechanism signed the user in
        NewCookie expired = new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/login?out=1")).cookie(expired).build();
    }

    /** Sets the page language and goes back where the switch was clicked (a path on this site only). */
    @GET
    @Path("lang")
    @Operation(hidden = true)
    public Response language(@QueryParam("to") String to, @QueryParam("back") String back) {
        String lang = "zh-CN".equals(to) ? "zh-CN" : "en";
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                ? back : "/";
        NewCookie cookie = new NewCookie.Builder(WebLocales.COOKIE).value(lang).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(target)).cookie(cookie).build();
    }
}
