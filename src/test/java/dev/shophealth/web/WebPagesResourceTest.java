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
@org.junit.jupiter.api.Tag("persistence")
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

    /** Every cancellation request the API lists for {@code query}, oldest first, read page by page as a reviewer. */
    private static java.util.List<java.util.Map<String, Object>> allRequests(String query) {
        java.util.List<java.util.Map<String, Object>> all = new java.util.ArrayList<>();
        for (int page = 0;; page++) {
            var chunk = given().auth().preemptive().basic("reviewer", "reviewer-demo").when()
                    .get("/api/cancellations?" + query + "&size=200&page=" + page).then().statusCode(200).extract()
                    .jsonPath();
            all.addAll(chunk.getList("items"));
            if ((page + 1) * 200 >= chunk.getInt("total")) {
                return all;
            }
        }
    }

    /** The first group of each match of {@code link} in a page, in order: the order numbers its rows link. */
    private static java.util.List<String> linkTexts(String html, String link) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(link).matcher(html);
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    /**
     * The queue's filters agree with the API: for each filter the page lists, in order, exactly the waiting requests
     * that the API's list, order amounts and shops' risk levels say match it (oldest first, first page).
     */
    @Test
    void theQueueFiltersAgreeWithTheApi() {
        java.util.List<java.util.Map<String, Object>> waiting = allRequests("status=PENDING_REVIEW");
        org.junit.jupiter.api.Assumptions.assumeTrue(!waiting.isEmpty(), "no request waits");
        java.util.Map<String, java.math.BigDecimal> amounts = new java.util.HashMap<>();
        java.util.Map<String, String> levels = new java.util.HashMap<>();
        for (var w : waiting) {
            String orderNo = (String) w.get("orderNo");
            amounts.put(orderNo, new java.math.BigDecimal(given().auth().preemptive().basic("reviewer", "reviewer-demo")
                    .when().get("/api/orders/" + orderNo).then().statusCode(200).extract().jsonPath()
                    .getString("order.amount")));
            levels.computeIfAbsent((String) w.get("shopId"), shop -> given().auth().preemptive()
                    .basic("reviewer", "reviewer-demo").when().get("/api/shops/" + shop + "/health").then()
                    .statusCode(200).extract().jsonPath().getString("riskLevel"));
        }
        String first = (String) waiting.get(0).get("shopId");
        java.math.BigDecimal median = waiting.stream().map(w -> amounts.get((String) w.get("orderNo"))).sorted()
                .toList().get(waiting.size() / 2);
        String session = session("reviewer", "reviewer-demo");
        java.util.Map<String, java.util.function.Predicate<java.util.Map<String, Object>>> filters =
                new java.util.LinkedHashMap<>();
        filters.put("page=0", w -> true);
        filters.put("reason=QUALITY_ISSUE", w -> "QUALITY_ISSUE".equals(w.get("reason")));
        filters.put("shop=" + first.toLowerCase(), w -> first.equals(w.get("shopId")));
        filters.put("level=" + levels.get(first), w -> levels.get(first).equals(levels.get((String) w.get("shopId"))));
        filters.put("level=LOW", w -> "LOW".equals(levels.get((String) w.get("shopId"))));
        filters.put("min=" + median, w -> amounts.get((String) w.get("orderNo")).compareTo(median) >= 0);
        filters.put("max=" + median + "&reason=OUT_OF_STOCK", w -> amounts.get((String) w.get("orderNo"))
                .compareTo(median) <= 0 && "OUT_OF_STOCK".equals(w.get("reason")));
        filters.forEach((query, matches) -> {
            java.util.List<String> expected = waiting.stream().filter(matches).map(w -> (String) w.get("orderNo"))
                    .toList();
            String html = as(session).cookie("shophealth-lang", "en").when().get("/review?" + query).then()
                    .statusCode(200).extract().asString();
            java.util.List<String> shown = linkTexts(html, "class=\"request-link\"[^>]*>([^<]+)</a>");
            assertEquals(expected.subList(0, Math.min(20, expected.size())), shown, "/review?" + query);
            if (expected.size() != waiting.size()) {
                assertTrue(html.contains("<strong>" + waiting.size() + "</strong>") && html.contains(
                        expected.size() + " match the filters"), "/review?" + query + " counts what waits and matches");
            }
        });
    }

    /** The records' filters agree with the API: newest first, by reason, status and days in the platform's zone. */
    @Test
    void theRecordsFiltersAgreeWithTheApi() {
        java.util.List<java.util.Map<String, Object>> all = allRequests("shopId=S1002");
        java.util.Collections.reverse(all);
        org.junit.jupiter.api.Assumptions.assumeTrue(all.size() > 1, "S1002 has records");
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        java.util.function.Function<java.util.Map<String, Object>, java.time.LocalDate> day = w -> java.time.Instant
                .parse((String) w.get("submittedAt")).atZone(zone).toLocalDate();
        java.time.LocalDate middle = day.apply(all.get(all.size() / 2));
        String session = session("merchant-S1002", "merchant-demo");
        java.util.Map<String, java.util.function.Predicate<java.util.Map<String, Object>>> filters =
                new java.util.LinkedHashMap<>();
        filters.put("page=0", w -> true);
        filters.put("reason=OUT_OF_STOCK", w -> "OUT_OF_STOCK".equals(w.get("reason")));
        filters.put("status=APPROVED", w -> "APPROVED".equals(w.get("status")));
        filters.put("from=" + middle, w -> !day.apply(w).isBefore(middle));
        filters.put("to=" + middle + "&reason=OUT_OF_STOCK", w -> !day.apply(w).isAfter(middle)
                && "OUT_OF_STOCK".equals(w.get("reason")));
        filters.forEach((query, matches) -> {
            java.util.List<String> expected = all.stream().filter(matches).map(w -> (String) w.get("orderNo")).toList();
            String html = as(session).cookie("shophealth-lang", "en").when().get("/shop/S1002/records?" + query)
                    .then().statusCode(200).extract().asString();
            java.util.List<String> shown = linkTexts(html, "href=\"/shop/S1002/requests/[^\"]+\">([^<]+)</a>");
            assertEquals(expected.subList(0, Math.min(20, expected.size())), shown, "/shop/S1002/records?" + query);
            assertTrue(html.contains(" / " + Math.max(1, (expected.size() + 19) / 20) + "</span>"),
                    "/shop/S1002/records?" + query + " pages " + expected.size() + " records");
        });
    }

    /** Filters no order amount or date could match are ignored, never a 500 (found in review of the SQL filters). */
    @Test
    void filtersOutOfEveryRangeAreIgnored() {
        String reviewer = session("reviewer", "reviewer-demo");
        for (String query : new String[] {"min=1e999999999", "min=1e-999999999", "max=1E%2B100001", "min=0.001",
                "min=1234567890123"}) {
            as(reviewer).when().get("/review?" + query).then().statusCode(200).body(containsString("id=\"queue\""));
        }
        String merchant = session("merchant-S1002", "merchant-demo");
        for (String query : new String[] {"from=-5000-01-01", "from=-999999999-01-01", "to=%2B999999999-12-31",
                "from=0000-01-01&to=10000-01-01"}) {
            as(merchant).when().get("/shop/S1002/records?" + query).then().statusCode(200)
                    .body(containsString("id=\"records\""));
        }
    }
}
