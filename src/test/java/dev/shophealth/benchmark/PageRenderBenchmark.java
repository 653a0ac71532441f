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
