package dev.shophealth.benchmark;

import dev.shophealth.cancellation.CancellationRequest;
import dev.shophealth.cancellation.CancellationService;
import dev.shophealth.dataimport.ImportService;
import dev.shophealth.dataimport.Row;
import dev.shophealth.fact.CancellationRequestFact;
import dev.shophealth.fact.CancellationStatsFact;
import dev.shophealth.fact.Given;
import dev.shophealth.ruleset.engine.Evaluator;
import dev.shophealth.ruleset.RulesetRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * In-process screening throughput, inside the app with its real logging set-up (a plain JMH run outside Quarkus
 * measures Drools' trace-log formatting instead). Not a test: it asserts nothing and runs only when asked for
 * (BENCHMARKS.md has the command). Each measurement: warm-up, then three timed rounds.
 */
@QuarkusTest
@Tag("benchmark")
class ScreeningBenchmark {

    static final long WARMUP_MS = 5_000;
    static final long ROUND_MS = 5_000;
    static final int ROUNDS = 3;
    static final int ORDERS = 60_000;

    @Inject
    RulesetRegistry registry;
    @Inject
    CancellationService cancellations;
    @Inject
    ImportService imports;

    private final List<String> lines = new ArrayList<>();

    @Test
    void screening() throws Exception {
        var ruleset = registry.active().orElseThrow();
        Given seed = new Given(new CancellationRequestFact("DY1002009999", "S1002", "OUT_OF_STOCK", null, 8, 10, 5,
                null, null, null, false), List.of(new CancellationStatsFact(dev.shophealth.fact.Window.SHORT, 7, 60, 3, 3),
                new CancellationStatsFact(dev.shophealth.fact.Window.LONG, 30, 300, 12, 4)), List.of(), Map.of());
        for (int threads : new int[] {1, 2}) {
            measure("rule evaluation only (Evaluator, seed example with stats)", threads,
                    i -> Evaluator.evaluate(ruleset, seed));
        }
        loadOrders();
        AtomicInteger next = new AtomicInteger();
        for (int threads : new int[] {1, 2}) {
            measure("full screening (SQL facts + rules + request, decision log, order, refund written)", threads,
                    i -> cancellations.submit("bench-" + next.incrementAndGet(), new CancellationRequest(
                            "BENCH-" + next.get(), "OUT_OF_STOCK", null, null, null), Locale.ENGLISH, Instant.now()));
        }
        Path out = Path.of("target/benchmarks/screening.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    private void measure(String what, int threads, IntConsumer op) throws InterruptedException {
        run(threads, op, WARMUP_MS);
        double[] rates = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            rates[r] = run(threads, op, ROUND_MS);
        }
        double mean = java.util.Arrays.stream(rates).average().orElse(0);
        lines.add(String.format(Locale.ROOT, "%-85s threads=%d  %,10.0f ops/s  (rounds: %s)", what, threads, mean,
                java.util.Arrays.stream(rates).mapToObj(x -> String.format(Locale.ROOT, "%.0f", x)).toList()));
    }

    /** Runs {@code op} on {@code threads} threads for {@code millis}; returns operations per second. */
    private static double run(int threads, IntConsumer op, long millis) throws InterruptedException {
        AtomicInteger count = new AtomicInteger();
        long end = System.nanoTime() + millis * 1_000_000;
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                while (System.nanoTime() < end) {
                    op.accept(count.get());
                    count.incrementAndGet();
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return count.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** A shop with enough orders awaiting shipment for every screening of the run. */
    private void loadOrders() throws IOException {
        String placed = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1).withNano(0).toString();
        List<Row> shop = List.of(new Row(1, Map.of("id", "BENCH", "name", "Bench", "category", "Bench")));
        List<Row> product = List.of(new Row(1, Map.of("sku", "BENCH-A", "shopId", "BENCH", "name", "Bench",
                "listedStock", "1000")));
        List<Row> count = List.of(new Row(1, Map.of("sku", "BENCH-A", "countedQuantity", "0", "countedAt", placed)));
        List<Row> orders = new ArrayList<>();
        for (int i = 1; i <= ORDERS; i++) {
            Map<String, String> o = new java.util.HashMap<>(Map.of("orderNo", "BENCH-" + i, "shopId", "BENCH",
                    "sku", "BENCH-A", "productName", "Bench", "quantity", "1", "amount", "10.00", "buyerId", "B",
                    "buyerRegion", "上海 Shanghai", "placedAt", placed, "status", "AWAITING_SHIPMENT"));
            o.put("listedStockAtOrder", "1000");
            orders.add(new Row(i + 1, o));
        }
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            imports.importRows("shops", "json", shop, false);
            imports.importRows("products", "json", product, false);
            imports.importRows("stock-counts", "json", count, false);
            imports.importRows("orders", "json", orders, false);
        });
    }
}
