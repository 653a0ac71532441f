package dev.shophealth.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Acknowledged means durable on the embedded default: the packaged jar on a fresh H2 file is killed with SIGKILL
 * in the middle of a burst of screenings, and in the middle of an import, then started again on the same files.
 * Every screening answered 201 must be there; an import must be there entirely or not at all. Run by
 * {@code ./mvnw verify -Dreliability}; the figures of each run are appended to
 * {@code target/reliability/crash-durability.txt}.
 */
@ExtendWith(PackagedApp.LogOnFailure.class)
class CrashDurabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER_COLUMNS = "orderNo,shopId,sku,productName,quantity,amount,buyerId,buyerRegion,"
            + "placedAt,status,shippedAt,deliveredAt,listedStockAtOrder\n";
    private static final int THREADS = 6;
    private static final int ORDERS = 3_000;
    /** The kill comes once this many screenings were answered 201, while the threads are still sending. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 150;
    /**
     * Large enough that H2 writes part of the import to its file before the commit (it buffers about 19 MB of
     * changes in memory, some 7,000 orders), so the kill leaves an uncommitted half on disk for recovery to undo.
     */
    private static final int IMPORT_ROWS = 20_000;

    private PackagedApp app;

    /** What the client was told: the request's id, status and whether it was refunded. */
    record Acknowledged(String id, String status, boolean refunded) {
        static Acknowledged of(JsonNode body) {
            return new Acknowledged(body.get("id").asText(), body.get("status").asText(), !body.get("refund").isNull());
        }
    }

    @BeforeEach
    void start(TestInfo test) throws Exception {
        app = new PackagedApp(test);
        app.start();
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void everyScreeningAnswered201SurvivesKill9() throws Exception {
        // given: a shop with more orders than the burst can reach
        shop("CD");
        importOrders("CD", 1, ORDERS);

        // when: screenings from several threads, and kill -9 once enough were answered
        Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
        ExecutorService senders = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            senders.submit(() -> screenUntilDown("CD", thread, sent, acknowledged, enough));
        }
        // a bound only against a hang: the app answering no 201 at all shows in its log
        assertTrue(enough.await(5, TimeUnit.MINUTES), "fewer than " + ACKNOWLEDGED_BEFORE_KILL + " screenings answered 201");
        app.kill();
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        app.start();

        // then: every one of them is there as it was answered
        List<String> lost = new ArrayList<>();
        acknowledged.forEach((orderNo, ack) -> {
            if (!ack.equals(stored(ack.id()))) {
                lost.add(orderNo + " " + ack);
            }
        });
        record("screenings sent=" + sent.get() + " acknowledged=" + acknowledged.size() + " present="
                + (acknowledged.size() - lost.size()));
        assertTrue(lost.isEmpty(), lost.size() + " of " + acknowledged.size() + " acknowledged screenings lost, e.g. "
                + lost.subList(0, Math.min(5, lost.size())));
    }

    @Test
    void anImportKilledMidwayIsThereEntirelyOrNotAtAll() throws Exception {
        // given: a shop the import goes to
        shop("CI");

        // when: an import, and kill -9 as soon as H2 writes to its file (part of the import, not yet committed,
        // when the import outgrows H2's write buffer; else its commit) or, failing that, when it was answered
        long fileBefore = app.databaseFileSize();
        CompletableFuture<HttpResponse<String>> inFlight = app.http().sendAsync(
                app.request("POST", "/api/import/orders", "text/csv", orders("CI", 1, IMPORT_ROWS)).build(),
                HttpResponse.BodyHandlers.ofString());
        while (!inFlight.isDone() && app.databaseFileSize() == fileBefore) {
            Thread.sleep(1);
        }
        long written = app.databaseFileSize() - fileBefore;
        boolean answered = inFlight.isDone() && !inFlight.isCompletedExceptionally() && inFlight.get().statusCode() == 200;
        app.kill();
        app.start();

        // then
        long present = orderCount("CI");
        record("import rows=" + IMPORT_ROWS + " answeredBeforeKill=" + answered
                + " bytesWrittenBeforeKill=" + written + " present=" + present);
        assertTrue(present == 0 || present == IMPORT_ROWS, present + " of " + IMPORT_ROWS + " rows: a half import");
        if (answered) {
            assertEquals(IMPORT_ROWS, present, "an acknowledged import was lost");
        }
    }

    private void screenUntilDown(String shopId, int thread, AtomicInteger sent, Map<String, Acknowledged> acknowledged,
            CountDownLatch enough) {
        for (int n = thread + 1; n <= ORDERS; n += THREADS) {
            sent.incrementAndGet();
            String orderNo = shopId + "-" + n;
            String body = "{\"orderNo\":\"" + orderNo + "\",\"reason\":\"OUT_OF_STOCK\",\"evidence\":{\"warehouseStock\":0}}";
            try {
                HttpResponse<String> answer = app.http().send(app.request("POST", "/api/cancellations",
                        "application/json", body).header("Idempotency-Key", "crash-" + orderNo).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 201) {
                    acknowledged.put(orderNo, Acknowledged.of(JSON.readTree(answer.body())));
                    enough.countDown();
                }
            } catch (IOException e) {
                return; // the app is gone: this request was not acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Acknowledged stored(String id) {
        try {
            HttpResponse<String> answer = app.send("GET", "/api/cancellations/" + id, null, null);
            return answer.statusCode() == 200 ? Acknowledged.of(JSON.readTree(answer.body())) : null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void shop(String shopId) throws Exception {
        post("/api/import/shops", "id,name,category\n" + shopId + ",Crash test " + shopId + ",Test\n");
        post("/api/import/products", "sku,shopId,name,listedStock\n" + shopId + "-A," + shopId + ",Item,1000\n");
    }

    private void importOrders(String shopId, int from, int to) throws Exception {
        post("/api/import/orders", orders(shopId, from, to));
    }

    private static String orders(String shopId, int from, int to) {
        String placed = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0).toString();
        StringBuilder csv = new StringBuilder(ORDER_COLUMNS);
        for (int n = from; n <= to; n++) {
            csv.append(shopId).append('-').append(n).append(',').append(shopId).append(',').append(shopId)
                    .append("-A,Item,1,10.00,B-").append(n).append(",上海 Shanghai,").append(placed)
                    .append(",AWAITING_SHIPMENT,,,1000\n");
        }
        return csv.toString();
    }

    private long orderCount(String shopId) throws Exception {
        HttpResponse<String> answer = app.send("GET", "/api/orders?size=1&shopId=" + shopId, null, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).get("total").asLong();
    }

    private void post(String path, String csv) throws Exception {
        HttpResponse<String> answer = app.send("POST", path, "text/csv", csv);
        assertEquals(200, answer.statusCode(), answer.body());
    }

    private static void record(String line) throws IOException {
        Path file = Path.of("target/reliability/crash-durability.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Instant.now() + " " + line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("CrashDurabilityIT: " + line);
    }
}
