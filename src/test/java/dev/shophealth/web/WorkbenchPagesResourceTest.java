package dev.shophealth.web;

import static dev.shophealth.web.WebPagesResourceTest.as;
import static dev.shophealth.web.WebPagesResourceTest.session;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The analysts' workbench over plain HTTP: who may open it, every page in both languages, the parameters checked
 * as typed by the reload's own checks, a candidate saved only with a comment and a CSRF token, its diff as a
 * parameters table, and problems shown at their file and line. Nothing here activates a ruleset.
 */
@QuarkusTest
class WorkbenchPagesResourceTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** A signed-in analyst with the CSRF cookie and token a page handed out. */
    record Form(String session, String csrfCookie, String token) {
        RequestSpecification post() {
            return as(session).cookie("shophealth-csrf", csrfCookie).formParam("csrf-token", token);
        }
    }

    private static Form form(String session, String page) {
        ExtractableResponse<Response> r = as(session).when().get(page).then().statusCode(200).extract();
        Matcher m = TOKEN.matcher(r.asString());
        assertTrue(m.find(), "the page has a CSRF token: " + page);
        return new Form(session, r.cookie("shophealth-csrf"), m.group(1));
    }

    @Test
    void onlyAnalystsAndAdminsOpenTheWorkbench() {
        given().redirects().follow(false).when().get("/rules").then().statusCode(303).header("Location", endsWith("/login"));
        as(session("merchant-S1001", "merchant-demo")).when().get("/rules").then().statusCode(404)
                .body(containsString("id=\"not-found\""));
        as(session("reviewer", "reviewer-demo")).when().get("/rules/parameters").then().statusCode(404);
        String analyst = session("analyst", "analyst-demo");
        as(analyst).when().get("/").then().statusCode(303).header("Location", endsWith("/rules"));
        as(analyst).when().get("/admin/audit").then().statusCode(404);
        as(session("admin", "admin-demo")).when().get("/admin/audit").then().statusCode(200)
                .body(containsString("id=\"audit\""));
    }

    @Test
    void everyPageRendersInBothLanguages() {
        String analyst = session("analyst", "analyst-demo");
        String active = given().auth().preemptive().basic("analyst", "analyst-demo").when().get("/api/rulesets/active")
                .then().statusCode(200).extract().path("revision");
        for (String lang : new String[] {"en", "zh-CN"}) {
            for (String page : new String[] {"/rules", "/rules/parameters", "/rules/files",
                    "/rules/files?file=frequency/cancellation-rate.drl&edit=1", "/rules/activations",
                    "/rules/decisions", "/rules/versions/" + active}) {
                String body = as(analyst).cookie("shophealth-lang", lang).when().get(page).then().statusCode(200)
                        .header("Content-Security-Policy", WebPagesResourceTest.PAGE_CSP)
                        .body(not(containsString("<script>"))).body(not(containsString("style=")))
                        .extract().asString();
                assertTrue(body.contains("lang=\"" + lang + "\""), page);
            }
        }
        String rules = as(analyst).cookie("shophealth-lang", "zh-CN").when().get("/rules").then().extract().asString();
        assertTrue(rules.contains("规则工作台") && rules.contains("FRQ-RATE-01") && rules.contains(active), rules);
    }

    @Test
    void theParametersAreCheckedAsTypedByTheReloadsChecks() {
        String analyst = session("analyst", "analyst-demo");
        Form f = form(analyst, "/rules/parameters");
        String base = given().auth().preemptive().basic("analyst", "analyst-demo").when().get("/api/rulesets/active")
                .then().extract().path("revision");
        String fragment = f.post().formParam("base", base).formParam("p.cancelRateWarning", "1.5").when()
                .post("/rules/parameters/check").then().statusCode(200).extract().asString();
        assertTrue(fragment.contains("data-problems=\"1\""), fragment);
        assertTrue(fragment.contains("cancelRateWarning must be between 0 and 1, got 1.5"), fragment);
        assertTrue(fragment.contains("id=\"err-cancelRateWarning\""), fragment);
        // a warning level above the critical one contradicts it: a problem of no single line
        String contradiction = f.post().formParam("base", base).formParam("p.cancelRateWarning", "0.2").when()
                .post("/rules/parameters/check").then().statusCode(200).extract().asString();
        assertTrue(contradiction.contains("general-problem"), contradiction);
        String fine = f.post().formParam("base", base).formParam("p.cancelRateWarning", "0.05").when()
                .post("/rules/parameters/check").then().statusCode(200).extract().asString();
        assertTrue(fine.contains("data-problems=\"0\"") && fine.contains("data-changed=\"true\""), fine);
    }

    @Test
    void aCandidateNeedsACommentAndATokenAndShowsItsDiff() {
        String analyst = session("analyst", "analyst-demo");
        var api = given().auth().preemptive().basic("analyst", "analyst-demo");
        String base = api.when().get("/api/rulesets/active").then().extract().path("revision");
        int before = api.when().get("/api/rulesets").then().extract().jsonPath().getList("$").size();
        Form f = form(analyst, "/rules/parameters");
        // without a comment: 400, nothing stored
        f.post().formParam("base", base).formParam("p.cancelRateWarning", "0.03").formParam("comment", " ").when()
                .post("/rules/parameters").then().statusCode(400).body(containsString("id=\"comment-error\""));
        // without the token: 400, nothing stored
        as(analyst).formParam("base", base).formParam("p.cancelRateWarning", "0.03").formParam("comment", "x").when()
                .post("/rules/parameters").then().statusCode(400);
        assertEquals(before, api.when().get("/api/rulesets").then().extract().jsonPath().getList("$").size());
        // with both: a candidate, checked, not active
        String location = f.post().formParam("base", base).formParam("p.cancelRateWarning", "0.03")
                .formParam("comment", "workbench test: a looser warning level").when().post("/rules/parameters")
                .then().statusCode(303).extract().header("Location");
        Matcher rev = Pattern.compile("/rules/versions/([0-9a-f]+)\\?created=1$").matcher(location);
        assertTrue(rev.find(), location);
        String candidate = rev.group(1);
        assertEquals(base, api.when().get("/api/rulesets/active").then().extract().path("revision"));
        as(analyst).when().get("/rules/versions/" + candidate + "?created=1").then().statusCode(200)
                .body(containsString("id=\"created\"")).body(containsString("data-failed=\"0\""))
                .body(containsString("workbench test: a looser warning level"));
        String diff = as(analyst).when().get("/rules/versions/" + candidate + "/diff").then().statusCode(200).extract()
                .asString();
        assertTrue(diff.contains("data-name=\"cancelRateWarning\""), diff);
        // only what the analyst changed: 0.10 in the file is not rewritten as the 0.1 the form shows
        assertTrue(!diff.contains("data-name=\"cancelRateCritical\""), "an unchanged value stays as written");
        assertTrue(diff.matches("(?s).*data-name=\"cancelRateWarning\">.*?0\\.025.*?0\\.03.*"), "old and new value");
        assertTrue(diff.contains("data-path=\"parameters.yaml\"") && diff.contains("row-CHANGE"), diff);
    }

    @Test
    void aBrokenRuleComesBackAtItsFileAndLine() {
        String analyst = session("analyst", "analyst-demo");
        var api = given().auth().preemptive().basic("analyst", "analyst-demo");
        String base = api.when().get("/api/rulesets/active").then().extract().path("revision");
        String file = "frequency/cancellation-rate.drl";
        Form f = form(analyst, "/rules/files?file=" + file + "&edit=1");
        String text = as(analyst).when().get("/rules/files?file=" + file + "&edit=1").then().extract().htmlPath()
                .getString("**.find { it.@id == 'content' }");
        String broken = text.replaceFirst("then", "then\n        this is not java;");
        String page = f.post().formParam("base", base).formParam("file", file).formParam("content", broken)
                .formParam("comment", "broken on purpose").when().post("/rules/files").then().statusCode(422)
                .extract().asString();
        assertTrue(page.contains("data-file=\"" + file + "\""), page);
        assertTrue(Pattern.compile("data-file=\"" + Pattern.quote(file) + "\" data-line=\"\\d+\"").matcher(page).find(),
                "the problem names its line");
        assertTrue(page.contains("class=\"bad\""), "the line is marked in the editor's gutter");
    }

    @Test
    void aDecisionIsFoundByOrderNumberAndReplayed() {
        String analyst = session("analyst", "analyst-demo");
        var api = given().auth().preemptive().basic("analyst", "analyst-demo");
        var first = api.when().get("/api/decisions?kind=SCREENING&size=1").then().statusCode(200).extract().jsonPath();
        String id = first.getString("items[0].decisionId");
        String order = first.getString("items[0].subject");
        String revision = first.getString("items[0].rulesetRevision");
        as(analyst).when().get("/rules/decisions?q=" + order).then().statusCode(200).body(containsString(id));
        as(analyst).when().get("/rules/decisions?q=" + id).then().statusCode(303)
                .header("Location", endsWith("/rules/decisions/" + id));
        as(analyst).when().get("/rules/decisions/" + id + "?replay=" + revision).then().statusCode(200)
                .body(containsString("id=\"decision-input\"")).body(containsString("id=\"replay-result\""));
        as(analyst).when().get("/rules/decisions/" + id + "?replay=ffff").then().statusCode(404);
        as(analyst).when().get("/rules/decisions/no-such-decision").then().statusCode(404);
    }

    @Test
    void aFailingScenarioShowsWhatItExpectedBesideWhatItGot() {
        String analyst = session("analyst", "analyst-demo");
        String base = given().auth().preemptive().basic("analyst", "analyst-demo").when().get("/api/rulesets/active")
                .then().extract().path("revision");
        String file = "frequency/cancellation-rate.scenarios.yaml";
        Form f = form(analyst, "/rules/files?file=" + file + "&edit=1");
        String text = as(analyst).when().get("/rules/files?file=" + file + "&edit=1").then().extract().htmlPath()
                .getString("**.find { it.@id == 'content' }");
        // the critical scenario now expects a rejection; the rules still send it to a person
        String wrong = text.replaceFirst("verdict: MANUAL_REVIEW", "verdict: REJECT");
        String page = f.post().formParam("base", base).formParam("file", file).formParam("content", wrong)
                .formParam("comment", "a scenario that cannot pass").when().post("/rules/files").then()
                .statusCode(422).extract().asString();
        assertTrue(page.contains("class=\"expect-actual\""), page);
        assertTrue(page.matches("(?s).*<td>verdict REJECT</td><td>MANUAL_REVIEW</td>.*"), "expected beside actual");
        int line = wrong.lines().toList().indexOf("- name: 9 of 60 in 7 days (15 %) — critical, a person decides") + 1;
        assertTrue(page.contains("data-file=\"" + file + "\" data-line=\"" + line + "\""), "shown at the scenario's line");
    }

    @Test
    void aZipIsUploadedAsACandidate() throws Exception {
        String analyst = session("analyst", "analyst-demo");
        Form f = form(analyst, "/rules/files");
        java.nio.file.Path rules = java.nio.file.Path.of("rules");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes); var files = java.nio.file.Files.walk(rules)) {
            for (var file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String text = java.nio.file.Files.readString(file);
                if (file.endsWith("parameters.yaml")) {
                    text = text.replace("repeatedReasonCount: 3 ", "repeatedReasonCount: 4 ");
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(rules.relativize(file).toString()));
                zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        // no token: refused
        as(analyst).multiPart("zip", "rules.zip", bytes.toByteArray(), "application/zip").multiPart("comment", "zip")
                .when().post("/rules/files/upload").then().statusCode(400);
        String location = as(analyst).cookie("shophealth-csrf", f.csrfCookie()).multiPart("csrf-token", f.token())
                .multiPart("zip", "rules.zip", bytes.toByteArray(), "application/zip")
                .multiPart("comment", "uploaded as a zip").when().post("/rules/files/upload").then().statusCode(303)
                .extract().header("Location");
        assertTrue(location.contains("/rules/versions/"), location);
        as(analyst).cookie("shophealth-csrf", f.csrfCookie()).multiPart("csrf-token", f.token())
                .multiPart("zip", "rules.zip", "not a zip".getBytes(), "application/zip")
                .multiPart("comment", "broken").when().post("/rules/files/upload").then().statusCode(400)
                .body(containsString("id=\"rejected\""));
    }

    @Test
    void aBacktestsChangedDecisionsComeAsCsvWithTheReadersColumnNames() throws InterruptedException {
        String analyst = session("analyst", "analyst-demo");
        var api = given().auth().preemptive().basic("analyst", "analyst-demo");
        String active = api.when().get("/api/rulesets/active").then().extract().path("revision");
        Form f = form(analyst, "/rules/versions/" + active);
        String location = f.post().formParam("from", "2026-08-01").formParam("to", "2026-11-30").when()
                .post("/rules/versions/" + active + "/backtest").then().statusCode(303).extract().header("Location");
        String job = location.substring(location.lastIndexOf('/') + 1);
        String state;
        while ("RUNNING".equals(state = api.when().get("/api/backtests/" + job).then().statusCode(200).extract()
                .path("state"))) {
            Thread.sleep(100);
        }
        assertEquals("DONE", state);
        as(analyst).when().get("/rules/backtests/" + job).then().statusCode(200)
                .body(containsString("data-state=\"DONE\"")).body(containsString("data-bar-chart="));
        String csv = as(analyst).cookie("shophealth-lang", "zh-CN").when().get("/rules/backtests/" + job + "/changed.csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("\uFEFF决策编号,订单,"), csv);
        // a bad period names its field and starts nothing
        f.post().formParam("from", "2026-11-30").formParam("to", "2026-08-01").when()
                .post("/rules/versions/" + active + "/backtest").then().statusCode(400).body(containsString("id=\"problem\""));
        as(analyst).when().get("/rules/backtests/no-such-job").then().statusCode(404);
    }
}
