package dev.shophealth.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The pages over plain HTTP: where each role lands, the pages' security headers, CSRF tokens required on forms,
 * another shop's 404 page, the records as CSV with Chinese column names, and each page's texts in both languages.
 */
@QuarkusTest
class WebPagesResourceTest {

    static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    static String session(String user, String password) {
        String cookie = given().redirects().follow(false).formParam("j_username", user)
                .formParam("j_password", password).when().post("/j_security_check").then().statusCode(302)
                .extract().cookie("shophealth-session");
        assertTrue(cookie != null && !cookie.isEmpty(), "signed in as " + user);
        return cookie;
    }

    static RequestSpecification as(String session) {
        return given().redirects().follow(false).cookie("shophealth-session", session);
    }

    @Test
    void eachRoleIsSentHomeAndStrangersToTheLoginPage() {
        given().redirects().follow(false).when().get("/").then().statusCode(303).header("Location", endsWith("/login"));
        given().redirects().follow(false).when().get("/shop/S1001").then().statusCode(303)
                .header("Location", endsWith("/login"));
        as(session("merchant-S1001", "merchant-demo")).when().get("/").then().statusCode(303)
                .header("Location", endsWith("/shop"));
        as(session("reviewer", "reviewer-demo")).when().get("/").then().statusCode(303)
                .header("Location", endsWith("/review"));
    }

    @Test
    void pagesHaveTheirOwnPolicyWithoutInlineScriptsAndTheApiKeepsItsOwn() {
        given().when().get("/login").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo(PAGE_CSP)).header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer").header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .body(not(containsString("<script>"))).body(not(containsString("style=")));
        given().when().get("/static/app.js").then().statusCode(200).header("Content-Security-Policy", equalTo(PAGE_CSP));
        given().when().get("/webjars/chart.js/4.4.1/dist/chart.umd.js").then().statusCode(200);
        given().auth().preemptive().basic("admin", "admin-demo").when().get("/api/orders?size=1").then()
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        String merchant = session("merchant-S1002", "merchant-demo");
        int before = requestsOfS1002();
        as(merchant).formParam("key", "csrf-probe").formParam("reason", "OTHER").formParam("detail", "a probe")
                .when().post("/shop/S1002/orders/DY1002009999").then().statusCode(400);
        as(merchant).formParam("x", "y").when().post("/logout").then().statusCode(400);
        // still signed in, and no request was made by the refused form
        as(merchant).when().get("/shop/S1002").then().statusCode(200);
        assertEquals(before, requestsOfS1002());
    }

    /** What a page shows between its header and its end. */
    private static String main(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    private static int requestsOfS1002() {
        return given().auth().preemptive().basic("reviewer", "reviewer-demo").when()
                .get("/api/cancellations?shopId=S1002&size=1").then().statusCode(200).extract().path("total");
    }

    @Test
    void aMerchantOpeningAnotherShopGetsTheSameNotFoundPageAsForNoShop() {
        String merchant = session("merchant-S1001", "merchant-demo");
        String other = as(merchant).when().get("/shop/S1002").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("id=\"not-found\"")).extract().asString();
        String none = as(merchant).when().get("/shop/S9999").then().statusCode(404).extract().asString();
        assertEquals(main(none), main(other));
        as(merchant).when().get("/shop/S1002/records").then().statusCode(404);
        as(merchant).when().get("/shop/S1002/records/export.csv").then().statusCode(404);
        as(merchant).when().get("/shop/S1002/cancel").then().statusCode(404);
        as(merchant).when().get("/review").then().statusCode(404);
        as(merchant).when().get("/shop/S1001/no-such-page").then().statusCode(404).body(containsString("not-found"));
    }

    @Test
    void theRecordsDownloadHasChineseColumnNamesOnAChinesePage() {
        String merchant = session("merchant-S1002", "merchant-demo");
        String zh = as(merchant).cookie("shophealth-lang", "zh-CN").when().get("/shop/S1002/records/export.csv").then()
                .statusCode(200).header("Content-Disposition", containsString("attachment")).extract().asString();
        assertTrue(zh.startsWith("\uFEFF订单号,取消原因,"), zh.substring(0, 40));
        String en = as(merchant).header("Accept-Language", "en").when().get("/shop/S1002/records/export.csv").then()
                .statusCode(200).extract().asString();
        assertTrue(en.startsWith("\uFEFForderNo,reason,"), en.substring(0, 40));
    }

    @Test
    void everyPageRendersInBothLanguages() {
        String merchant = session("merchant-S1002", "merchant-demo");
        String reviewer = session("reviewer", "reviewer-demo");
        for (String lang : new String[] {"zh-CN", "en"}) {
            for (String path : new String[] {"/shop/S1002", "/shop/S1002/cancel?product=%E9%A6%99", "/shop/S1002/records",
                    "/shop/S1002/orders/DY1002009999"}) {
                as(merchant).cookie("shophealth-lang", lang).when().get(path).then().statusCode(200)
                        .body(containsString("<html lang=\"" + lang + "\">"));
            }
            for (String path : new String[] {"/review", "/review/shops", "/review/shops?level=CRITICAL", "/shop/S1003"}) {
                as(reviewer).cookie("shophealth-lang", lang).when().get(path).then().statusCode(200)
                        .body(containsString("<html lang=\"" + lang + "\">"));
            }
        }
    }

    @Test
    void aMerchantsPendingRequestShowsWhenItIsExpectedToBeDecided() {
        var pending = given().auth().preemptive().basic("reviewer", "reviewer-demo").when()
                .get("/api/cancellations?status=PENDING_REVIEW&size=1").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assumptions.assumeTrue(pending.getInt("total") > 0, "no request waits");
        String shop = pending.getString("items[0].shopId");
        String merchant = session("merchant-" + shop, "merchant-demo");
        as(merchant).cookie("shophealth-lang", "zh-CN").when().get("/shop/" + shop + "/requests/"
                + pending.getString("items[0].id")).then().statusCode(200).body(containsString("id=\"expected-decision\""))
                .body(containsString("预计处理时间"));
    }

    @Test
    void theLanguageSwitchGoesBackOnlyToThisSite() {
        given().redirects().follow(false).when().get("/lang?to=zh-CN&back=/review").then().statusCode(303)
                .header("Location", endsWith("/review")).cookie("shophealth-lang", "zh-CN");
        given().redirects().follow(false).when().get("/lang?to=en&back=//evil.example/x").then().statusCode(303)
                .header("Location", not(containsString("evil")));
    }
}
