package dev.shophealth.benchmark;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long each web page takes on the sample data, measured at the server's door: the time from sending a GET over
 * loopback to the last byte of the HTML (no browser, no scripts or styles, which are static files). Not a test: it
 * asserts nothing and runs only when asked for (BENCHMARKS.md has the command and the numbers).
 */
@QuarkusTest
@Tag("benchmark")
class PageRenderBenchmark {

    static final int WARMUP = 10;
    static final int RUNS = 30;

    private static String session(String user, String password) {
        return given().redirects().follow(false).formParam("j_username", user).formParam("j_password", password)
                .when().post("/j_security_check").then().statusCode(302).extract().cookie("shophealth-session");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A candidate with a looser warning level (rules/ with one value changed), stored through the API. */
    private static String candidate() {
        try {
            java.nio.file.Path rules = java.nio.file.Path.of("rules");
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (var zip = new java.util.zip.ZipOutputStream(bytes); var files = java.nio.file.Files.walk(rules)) {
                for (var f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                    String text = java.nio.file.Files.readString(f);
                    String name = rules.relativize(f).toString();
                    if (name.equals("parameters.yaml")) {
                        text = text.replace("cancelRateWarning: 0.025", "cancelRateWarning: 0.09 ");
                    }
                    zip.putNextEntry(new java.util.zip.ZipEntry(name));
                    zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return given().auth().preemptive().basic("analyst", "analyst-demo").contentType("application/zip")
                    .body(bytes.toByteArray()).when().post("/api/rulesets?comment=benchmark").then().statusCode(201)
                    .extract().path("revision");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void pages() {
        String merchant = session("merchant-S1002", "merchant-demo");
        String reviewer = session("reviewer", "reviewer-demo");
        String pending = given().auth().preemptive().basic("reviewer", "reviewer-demo")
                .when().get("/api/cancellations?status=PENDING_REVIEW&size=1").then().extract().path("items[0].id");
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("/login", new String[] {null});
        pages.put("/shop/S1002 (dashboard)", new String[] {merchant, "/shop/S1002"});
        pages.put("/shop/S1002/trend (its chart, loaded by htmx: 31 evaluations)", new String[] {merchant, "/shop/S1002/trend"});
        pages.put("/shop/S1002/cancel?product=香薰蜡烛", new String[] {merchant, "/shop/S1002/cancel?product=香薰蜡烛"});
        pages.put("/shop/S1002/orders/DY1002009999", new String[] {merchant, "/shop/S1002/orders/DY1002009999"});
        pages.put("/shop/S1002/records", new String[] {merchant, "/shop/S1002/records"});
        pages.put("/review (queue)", new String[] {reviewer, "/review"});
        pages.put("/review/requests/{pending}", new String[] {reviewer, "/review/requests/" + pending});
        pages.put("/review/shops", new String[] {reviewer, "/review/shops"});
        String analyst = session("analyst", "analyst-demo");
        String admin = session("admin", "admin-demo");
        var api = given().auth().preemptive().basic("analyst", "analyst-demo");
        String active = api.when().get("/api/rulesets/active").then().extract().path("revision");
        String candidate = candidate();
        String decision = api.when().get("/api/decisions?kind=SCREENING&size=1").then().extract().path("items[0].decisionId");
        String job = api.contentType("application/json").body("{\"from\":\"2026-08-01\",\"to\":\"2026-11-26\"}")
                .when().post("/api/rulesets/" + candidate + "/backtest").then().statusCode(202).extract().path("id");
        while ("RUNNING".equals(api.when().get("/api/backtests/" + job).then().extract().path("state"))) {
            sleep();
        }
        pages.put("/rules (active ruleset, 30-day coverage)", new String[] {analyst, "/rules"});
        pages.put("/rules/parameters", new String[] {analyst, "/rules/parameters"});
        pages.put("/rules/files?file=frequency/cancellation-rate.drl&edit=1", new String[] {analyst, "/rules/files?file=frequency/cancellation-rate.drl&edit=1"});
        pages.put("/rules/versions/{candidate} (its scenarios)", new String[] {analyst, "/rules/versions/" + candidate});
        pages.put("/rules/versions/{candidate}/diff", new String[] {analyst, "/rules/versions/" + candidate + "/diff"});
        pages.put("/rules/backtests/{job} (finished)", new String[] {analyst, "/rules/backtests/" + job});
        pages.put("/rules/activations", new String[] {analyst, "/rules/activations"});
        pages.put("/rules/decisions", new String[] {analyst, "/rules/decisions"});
        pages.put("/rules/decisions/{id}?replay={active}", new String[] {analyst, "/rules/decisions/" + decision + "?replay=" + active});
        pages.put("/admin/audit", new String[] {admin, "/admin/audit"});
        StringBuilder table = new StringBuilder("| page | median ms | p95 ms | max ms | HTML KB |\n|---|---:|---:|---:|---:|\n");
        for (var page : pages.entrySet()) {
            String cookie = page.getValue()[0];
            String path = page.getValue().length > 1 ? page.getValue()[1] : page.getKey();
            List<Double> times = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < WARMUP + RUNS; i++) {
                var request = given().redirects().follow(false).header("Accept-Language", "zh-CN");
                if (cookie != null) {
                    request = request.cookie("shophealth-session", cookie);
                }
                long start = System.nanoTime();
                byte[] body = request.when().get(path).then().statusCode(200).extract().asByteArray();
                double ms = (System.nanoTime() - start) / 1e6;
                bytes = body.length;
                if (i >= WARMUP) {
                    times.add(ms);
                }
            }
            double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            table.append(String.format("| `%s` | %.1f | %.1f | %.1f | %.1f |%n", page.getKey(), sorted[sorted.length / 2],
                    sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1], bytes / 1024.0));
        }
        System.out.println("PAGE RENDER TIMES\n" + table);
    }
}
