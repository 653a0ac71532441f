package dev.shophealth.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.common.FuzzEndpoint.Body;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every endpoint of the API (the 31 of {@code RoleMatrixTest}, the decision-log search and export, the health
 * snapshot; the import one once per record kind), with its valid
 * request, the roles that may call it, and how many cases each role gets. Endpoints that start the rule check
 * process (a child JVM, seconds each) get few cases; the others enough to meet each kind of fault several times.
 */
final class FuzzEndpoints {

    static final String M = "MERCHANT";
    static final String R = "REVIEWER";
    static final String A = "ANALYST";
    static final String D = "ADMIN";
    static final Set<String> ALL = Set.of(M, R, A, D);
    static final Set<String> ANALYSTS = Set.of(A, D);
    static final List<String> IMPORT_KINDS = List.of("shops", "products", "orders", "stock-counts", "inspections",
            "logistics-events", "reviews", "complaints");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FuzzEndpoints() {
    }

    static List<FuzzEndpoint> all() {
        List<FuzzEndpoint> all = new ArrayList<>();
        all.add(get("/api/orders", ALL, e -> {
            e.query.put("shopId", f -> FuzzFixture.SHOP);
            e.query.put("orderNo", f -> null);
            e.query.put("from", f -> day(f, -30));
            e.query.put("to", f -> f.today);
            e.query.put("product", f -> "商品");
            e.query.put("status", f -> "AWAITING_SHIPMENT");
            e.query.put("page", f -> "0");
            e.query.put("size", f -> "20");
        }));
        all.add(get("/api/orders/{orderNo}", ALL, e -> e.path.put("orderNo", f -> FuzzFixture.orderNo(1))));
        for (String kind : IMPORT_KINDS) {
            all.add(endpoint("POST", "/api/import/{kind}", Set.of(D), e -> {
                e.label = "POST /api/import/" + kind;
                e.path.put("kind", f -> kind);
                e.body = Body.IMPORT;
                e.json = f -> f.importRows(kind);
                e.query.put("dryRun", f -> null);
                e.wrote = a -> a.status() == 200 && a.body().contains("\"dryRun\":false")
                        && !a.body().contains("\"created\":0,\"updated\":0");
                e.tries = 50;
                e.updates = Set.of(table(kind));
            }));
        }
        all.add(endpoint("POST", "/api/cancellations", Set.of(M, D), e -> {
            e.body = Body.JSON;
            e.json = f -> f.screening(f.freshOrder());
            e.headers.put("Idempotency-Key", FuzzFixture::key);
            e.wrote = a -> a.status() == 201 && !"true".equals(a.headers().get("idempotent-replayed"));
            e.tries = 150;
            e.updates = Set.of("shop_order", "cancellation_request");
        }));
        all.add(get("/api/cancellations", ALL, e -> {
            e.query.put("status", f -> "AUTO_APPROVED");
            e.query.put("shopId", f -> FuzzFixture.SHOP);
            e.query.put("page", f -> "0");
            e.query.put("size", f -> "20");
        }));
        all.add(get("/api/cancellations/{id}", ALL, e -> e.path.put("id", f -> f.requestId)));
        all.add(endpoint("POST", "/api/cancellations/{id}/review", Set.of(R, D), e -> {
            e.path.put("id", FuzzFixture::pendingRequest);
            e.body = Body.JSON;
            e.json = f -> FuzzFixture.row("verdict", "REJECT", "note", "核实后驳回 Checked, rejected");
            e.tries = 80;
            e.updates = Set.of("shop_order", "cancellation_request", "refund");
            e.wrote = a -> a.status() == 200;
            e.after = (f, answer) -> {
                if (answer.status() == 200) {
                    f.reviewed(idOf(answer));
                }
            };
        }));
        all.add(get("/api/shops/{shopId}/cancellations.csv", ALL, e -> {
            e.path.put("shopId", f -> FuzzFixture.SHOP);
            e.headers.put("Accept", f -> "text/csv");
        }));
        all.add(endpoint("GET", "/api/shops/{shopId}/health", ALL, e -> {
            e.path.put("shopId", f -> FuzzFixture.SHOP);
            e.query.put("asOf", f -> f.today);
        }));
        all.add(endpoint("POST", "/api/shops/{shopId}/health/snapshot", ALL, e -> {
            e.path.put("shopId", f -> FuzzFixture.SHOP);
            e.tries = 30;
            e.wrote = a -> a.status() == 201;
        }));
        all.add(get("/api/shops/{shopId}/health/history", ALL, e -> {
            e.path.put("shopId", f -> FuzzFixture.SHOP);
            e.query.put("from", f -> day(f, -7));
            e.query.put("to", f -> f.today);
            e.query.put("step", f -> "P1D");
        }));
        all.add(get("/api/shops/health", Set.of(R, A, D), e -> {
            e.query.put("level", f -> "LOW");
            e.query.put("sort", f -> "riskScore");
            e.query.put("page", f -> "0");
            e.query.put("size", f -> "20");
        }));
        all.add(endpoint("POST", "/api/evaluate", ALL, e -> {
            e.body = Body.JSON;
            e.json = f -> history(f);
            e.readOnly = true;
            e.tries = 80;
        }));
        all.add(get("/api/rulesets/active", ANALYSTS, e -> e.tries = 15));
        all.add(endpoint("POST", "/api/rulesets/reload", ANALYSTS, e -> e.tries = 3));
        all.add(endpoint("POST", "/api/rulesets/active/evaluate", ANALYSTS, e -> {
            e.body = Body.JSON;
            e.json = f -> given();
            e.readOnly = true;
            e.tries = 80;
        }));
        all.add(get("/api/rulesets/active/scenarios", ANALYSTS, e -> e.tries = 15));
        all.add(endpoint("POST", "/api/rulesets", ANALYSTS, e -> {
            e.body = Body.ZIP;
            e.query.put("comment", f -> "模糊测试 fuzz");
            e.tries = 8;
            e.updates = Set.of("ruleset_version");
        }));
        all.add(endpoint("POST", "/api/rulesets/from-folder", ANALYSTS, e -> {
            e.query.put("comment", f -> "模糊测试 fuzz");
            e.tries = 3;
            e.updates = Set.of("ruleset_version");
        }));
        all.add(get("/api/rulesets", ANALYSTS, e -> e.tries = 15));
        all.add(get("/api/rulesets/activations", ANALYSTS, e -> e.tries = 15));
        all.add(get("/api/rulesets/{revision}/files", ANALYSTS, e -> {
            e.path.put("revision", f -> f.revision);
            e.headers.put("Accept", f -> "application/zip");
        }));
        all.add(get("/api/rulesets/{revision}/diff/{other}", ANALYSTS, e -> {
            e.path.put("revision", f -> f.revision);
            e.path.put("other", f -> f.revision);
        }));
        all.add(get("/api/rulesets/{revision}", ANALYSTS, e -> e.path.put("revision", f -> f.revision)));
        all.add(endpoint("POST", "/api/rulesets/{revision}/approvals", ANALYSTS, e -> {
            e.path.put("revision", f -> f.revision);
            e.body = Body.JSON;
            e.json = f -> FuzzFixture.row("comment", "模糊测试 fuzz approval");
            e.tries = 30;
            // each user approves a version once: the first valid request is accepted, the others answer 409
            e.baseAccepted = false;
            e.wrote = a -> a.status() == 201;
        }));
        // the fuzz's revision is the active one: activating it again answers 409, and no case is approved and
        // backtested, so none activates anything
        all.add(endpoint("POST", "/api/rulesets/{revision}/activate", ANALYSTS, e -> {
            e.path.put("revision", f -> f.revision);
            e.query.put("comment", f -> "fuzz");
            e.tries = 8;
            e.baseAccepted = false;
            e.after = FuzzEndpoints::restoreRuleset;
        }));
        all.add(endpoint("PUT", "/api/rulesets/{revision}/shadow", ANALYSTS, e -> {
            e.path.put("revision", f -> f.revision);
            e.tries = 8;
            e.baseAccepted = false;
            e.updates = Set.of("ruleset_shadow");
            // a shadow left in place would record disagreements of later screenings, outside their cases
            e.after = (f, answer) -> {
                if (answer.status() < 300) {
                    FuzzFixture.admin().delete("/api/rulesets/shadow");
                }
            };
        }));
        all.add(endpoint("DELETE", "/api/rulesets/shadow", ANALYSTS, e -> {
            e.tries = 3;
            e.baseAccepted = false;
        }));
        all.add(get("/api/rulesets/shadow", ANALYSTS, e -> e.tries = 5));
        all.add(get("/api/rulesets/shadow/disagreements", ANALYSTS, e -> {
            e.query.put("page", f -> "0");
            e.query.put("size", f -> "20");
        }));
        all.add(endpoint("POST", "/api/rulesets/rollback", ANALYSTS, e -> {
            e.query.put("to", f -> f.revision);
            e.tries = 6;
            e.baseAccepted = false;
            e.after = FuzzEndpoints::restoreRuleset;
        }));
        all.add(endpoint("POST", "/api/rulesets/{revision}/backtest", ANALYSTS, e -> {
            e.path.put("revision", f -> f.revision);
            e.body = Body.JSON;
            e.json = FuzzFixture::period;
            // a started backtest is a job row (and an audit row): the only writes
            e.wrote = a -> a.status() == 202;
            e.tries = 80;
            e.after = (f, answer) -> {
                if (answer.status() == 202) {
                    FuzzFixture.admin().delete("/api/backtests/" + idOf(answer));
                }
            };
        }));
        all.add(get("/api/rulesets/coverage", ANALYSTS, e -> {
            e.query.put("from", f -> day(f, -30));
            e.query.put("to", f -> f.today);
        }));
        all.add(get("/api/backtests/{id}", ANALYSTS, e -> e.path.put("id", f -> f.backtestId)));
        all.add(endpoint("DELETE", "/api/backtests/{id}", ANALYSTS, e -> {
            e.path.put("id", f -> f.backtestId);
            e.baseAccepted = false;
        }));
        all.add(get("/api/decisions", ANALYSTS, e -> decisionSearch(e, false)));
        all.add(get("/api/decisions/export", ANALYSTS, e -> decisionSearch(e, true)));
        all.add(get("/api/decisions/{id}", ANALYSTS, e -> e.path.put("id", f -> f.decisionId)));
        all.add(endpoint("POST", "/api/decisions/{id}/replay", ANALYSTS, e -> {
            e.path.put("id", f -> f.decisionId);
            e.query.put("version", f -> f.revision);
            e.readOnly = true;
        }));
        all.add(get("/api/audit", Set.of(D), e -> e.query.put("limit", f -> "50")));
        return all;
    }

    /** The decision log's search (and its export): every filter set, each to a value that finds the fixture's. */
    private static void decisionSearch(FuzzEndpoint e, boolean export) {
        e.query.put("kind", f -> "SCREENING");
        e.query.put("orderNo", f -> FuzzFixture.orderNo(3));
        e.query.put("shopId", f -> FuzzFixture.SHOP);
        e.query.put("verdict", f -> "APPROVE");
        e.query.put("rule", f -> "VAL-OOS-02");
        e.query.put("revision", f -> f.revision);
        e.query.put("from", f -> day(f, -1));
        e.query.put("to", f -> f.today);
        if (export) {
            e.query.put("format", f -> "csv");
            e.query.put("limit", f -> "100");
            e.headers.put("Accept", f -> "text/csv");
        } else {
            e.query.put("page", f -> "0");
            e.query.put("size", f -> "20");
        }
    }

    private static FuzzEndpoint get(String template, Set<String> roles, Consumer<FuzzEndpoint> spec) {
        return endpoint("GET", template, roles, e -> {
            e.readOnly = true;
            spec.accept(e);
        });
    }

    private static FuzzEndpoint endpoint(String method, String template, Set<String> roles, Consumer<FuzzEndpoint> spec) {
        FuzzEndpoint e = new FuzzEndpoint(method, template, roles);
        spec.accept(e);
        return e;
    }

    private static String table(String kind) {
        return switch (kind) {
            case "shops" -> "shop";
            case "products" -> "product";
            case "orders" -> "shop_order";
            case "stock-counts" -> "stock_count";
            case "inspections" -> "quality_inspection";
            case "logistics-events" -> "logistics_event";
            case "reviews" -> "review";
            default -> "complaint";
        };
    }

    private static String day(FuzzFixture f, int days) {
        return LocalDate.parse(f.today).plusDays(days).toString();
    }

    private static String idOf(FuzzHttp.Answer answer) {
        try {
            return JSON.readTree(answer.body()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An accepted activation or rollback may change the active ruleset: the fuzz's own is made active again. */
    private static void restoreRuleset(FuzzFixture f, FuzzHttp.Answer answer) {
        if (answer.status() < 300) {
            String active = FuzzFixture.admin().get("/api/rulesets/active").then().extract().path("revision");
            if (!f.revision.equals(active)) {
                // it was active before, so it is restored by a rollback to it (an activation would need a second
                // analyst's approval and a backtest)
                FuzzFixture.admin().queryParam("to", f.revision).post("/api/rulesets/rollback").then().statusCode(200);
            }
        }
    }

    /** A posted shop history: three orders and one record of every other kind. */
    private static JsonNode history(FuzzFixture f) {
        String asOf = f.today + "T12:00:00+08:00";
        String placed = LocalDate.parse(f.today).minusDays(3) + "T10:00:00+08:00";
        var h = FuzzFixture.row("shop", FuzzFixture.row("id", FuzzFixture.SHOP, "name", "模糊测试店"), "asOf", asOf);
        var orders = h.putArray("orders");
        for (int i = 1; i <= 3; i++) {
            orders.add(FuzzFixture.row("orderNo", "H-" + i, "sku", "FZ01-A", "placedAt", placed));
        }
        h.putArray("cancellationRequests").add(FuzzFixture.row("orderNo", "H-1", "reason", "OUT_OF_STOCK",
                "submittedAt", placed, "status", "AUTO_APPROVED", "decidedAt", placed));
        h.putArray("buyerContacts").add(FuzzFixture.row("orderNo", "H-1", "contactedAt", placed));
        h.putArray("reviews").add(FuzzFixture.row("orderNo", "H-2", "stars", 1, "reviewedAt", placed));
        h.putArray("complaints").add(FuzzFixture.row("orderNo", "H-2", "complainedAt", placed));
        h.putArray("inspections").add(FuzzFixture.row("sku", "FZ01-A", "result", "FAIL", "inspectedAt", placed));
        h.putArray("logisticsEvents").add(FuzzFixture.row("orderNo", "H-3", "kind", "DELAY", "occurredAt", placed));
        return h;
    }

    /** The try-it body: the seed's request and statistics, a shop window, a parameter override. */
    private static JsonNode given() {
        try {
            var given = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Path.of("data/examples/evaluate-seed.json").toFile());
            given.putArray("windows").add(FuzzFixture.row("window", "LONG", "days", 30, "orders", 300,
                    "sellerCancellations", 21, "outOfStock", 20, "quality", 0, "logistics", 0, "other", 1,
                    "cancellationsWithoutContact", 8, "pendingReviews", 0, "complaints", 15, "reviews", 105,
                    "negativeReviews", 9, "failedInspections", 0, "logisticsIncidents", 0));
            given.putObject("parameters").put("cancelRateWarning", 0.03).put("minOrdersForRate", 10);
            return given;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
