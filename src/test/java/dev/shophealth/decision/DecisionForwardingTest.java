package dev.shophealth.decision;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Recorded decisions reach a configured sink as NDJSON events, also when the sink refuses the first attempts: they
 * wait in the buffer and are retried.
 */
@QuarkusTest
@Tag("persistence")
@TestProfile(DecisionForwardingTest.WithSink.class)
@TestSecurity(user = "analyst", roles = "ANALYST")
class DecisionForwardingTest {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    static final AtomicInteger REFUSE = new AtomicInteger(2);
    static HttpServer sink;

    /** A sink on a free port that answers 503 to its first two POSTs, then 204 and keeps the lines. */
    public static class WithSink implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                if (sink == null) {
                    sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                    sink.createContext("/decisions", exchange -> {
                        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                        boolean ndjson = "application/x-ndjson".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
                        if (REFUSE.getAndDecrement() > 0 || !ndjson) {
                            exchange.sendResponseHeaders(503, -1);
                        } else {
                            body.lines().filter(l -> !l.isBlank()).forEach(RECEIVED::add);
                            exchange.sendResponseHeaders(204, -1);
                        }
                        exchange.close();
                    });
                    sink.start();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("shophealth.decision-log.forward.url",
                    "http://127.0.0.1:" + sink.getAddress().getPort() + "/decisions",
                    "shophealth.decision-log.forward.max-backoff", "PT0.5S");
        }
    }

    @Test
    void recordedDecisionsArriveAtTheSinkAfterItRecovers() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String shop : List.of("S1001", "S1002", "S1003")) {
            ids.add(given().when().post("/api/shops/" + shop + "/health/snapshot").then().statusCode(201)
                    .extract().path("decisionId"));
        }
        ObjectMapper json = new ObjectMapper();
        Set<String> arrived = Set.of();
        for (int i = 0; i < 600 && !arrived.containsAll(ids); i++) {
            Thread.sleep(100);
            arrived = RECEIVED.stream().map(l -> read(json, l).path("decisionId").asText()).collect(Collectors.toSet());
        }
        assertTrue(arrived.containsAll(ids), "forwarded " + arrived + ", recorded " + ids);
        JsonNode event = RECEIVED.stream().map(l -> read(json, l))
                .filter(e -> e.path("decisionId").asText().equals(ids.get(1))).findFirst().orElseThrow();
        assertEquals("SHOP_HEALTH", event.path("kind").asText());
        assertEquals("S1002", event.path("subject").asText());
        assertTrue(event.path("input").path("windows").isArray(), event.toString());
        assertEquals(event.path("score").asInt(), event.path("result").path("score").asInt());
        assertTrue(REFUSE.get() < 0, "the sink refused the first attempts, which were retried");
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
