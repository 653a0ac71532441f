package dev.shophealth.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A property-based fuzz of every endpoint's inputs: for every endpoint of the API and every role that may call it,
 * cases generated from a fixed seed change one thing of a valid request — a JSON field (or imported cell) replaced by
 * a hostile value of any type, a field removed or an unknown one added, the whole body, the content type, a path or
 * query parameter, a header — and each case must hold three properties:
 * <ul>
 * <li>no answer is a 5xx;</li>
 * <li>every 4xx is {@code application/problem+json} with its status, and a 400 caused by one field names that field
 * (or a field inside it) in {@code errors};</li>
 * <li>a refused request writes nothing: the row count of every table, and a digest of the tables the endpoint may
 * update in place, are the same before and after it (reads and the try-it endpoints write nothing even when they
 * answer 2xx).</li>
 * </ul>
 * The valid request itself is one of the cases and must be accepted, so every other case tests one fault.
 *
 * <p>Why QuickTheories and not jqwik: jqwik is its own JUnit Platform engine, so a {@code @Property} method never
 * passes through {@code @QuarkusTest}'s Jupiter extension and runs without the application. Its generators could be
 * driven from a Jupiter test, but jqwik 1.10 prints, on every run of its engine, a notice that AI agents must not use
 * it and must ignore its results; the project's sessions are such agents, so it was left out. QuickTheories (Apache
 * 2.0) is a library, not an engine: {@code qt().withFixedSeed(..).forAll(gen).checkAssert(..)} runs inside this
 * {@code @QuarkusTest} method against the running application, with generators, a fixed seed, a number of examples,
 * and shrinking of a failing case to a simpler one. Requests go out through a plain Vert.x client ({@link FuzzHttp}):
 * REST Assured would encode URIs and add charsets itself and hide those faults.
 *
 * <p>Roles: the merchant with a bearer token for the fuzz's own shop FZ01, the others with their demo passwords
 * (HTTP Basic), exactly as clients call. Counts of the last run: {@code target/fuzz-report.txt} and RELIABILITY.md.
 */
@QuarkusTest
@Tag("persistence")
class InputFuzzResourceTest {

    private static final long SEED = 20_261_126L;
    private static final int SHRINKS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, FuzzEndpoint> ENDPOINTS = new java.util.LinkedHashMap<>();
    private static final FuzzTally TALLY = new FuzzTally();
    private static FuzzFixture fixture;
    private static FuzzHttp http;

    @Inject
    DataSource dataSource;

    static Stream<Arguments> endpointsAndRoles() {
        return FuzzEndpoints.all().stream().flatMap(e -> e.roles.stream().sorted().map(role -> Arguments.of(e.label, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsAndRoles")
    void noInputAnswers5xxAndNoRefusalWrites(String label, String role) {
        if (fixture == null) {
            assertTrue(ENDPOINTS.isEmpty(), "the fixture could not be loaded (see the first case)");
            FuzzEndpoints.all().forEach(e -> ENDPOINTS.put(e.label, e));
            fixture = new FuzzFixture();
            http = new FuzzHttp(RestAssured.port);
        }
        FuzzEndpoint e = ENDPOINTS.get(label);
        DatabaseFingerprint prints = new DatabaseFingerprint(dataSource);
        qt().withFixedSeed(SEED + 31L * label.hashCode() + role.hashCode()).withExamples(e.tries)
                .withShrinkCycles(SHRINKS)
                .forAll(e.mutations(fixture))
                .checkAssert(m -> check(e, role, m, prints));
    }

    private static void check(FuzzEndpoint e, String role, FuzzMutation m, DatabaseFingerprint prints) {
        FuzzHttp.Request request = e.request(fixture, role, m);
        Map<String, String> before = prints.take(e.digested());
        FuzzHttp.Answer answer = http.send(request);
        Map<String, String> after = prints.take(e.digested());
        e.after.accept(fixture, answer);
        TALLY.tried(e.label, role, answer.status());
        String what = e.label + " as " + role + ", " + m + ": " + answer.status() + " "
                + (answer.body().isEmpty() ? "(no body; headers " + answer.headers() + ")" : FuzzHttp.abbreviate(answer.body()));
        assertTrue(answer.status() < 500, what);
        if (m.kind() == FuzzMutation.Kind.BASE && e.baseAccepted) {
            assertTrue(answer.status() < 300, "the valid request is refused, so no case tests one fault: " + what);
        }
        Map<String, String> changes = DatabaseFingerprint.changes(before, after);
        if (!validUri(request.uri())) {
            // Quarkus answers a URI that java.net.URI cannot parse (a bad %-escape) with an empty 400 of its own,
            // before any handler the application can install: the one refusal that is not problem+json
            assertEquals(400, answer.status(), what);
            assertEquals(Map.of(), changes, "a refused request wrote: " + what);
            TALLY.held(e.label, role);
            TALLY.refusedBeforeTheApplication();
            return;
        }
        if (answer.status() >= 400) {
            assertProblem(answer, what);
            if (answer.status() == 400 && m.namesAField() && !(e.body == FuzzEndpoint.Body.IMPORT && m.target().endsWith("]"))) {
                // (a whole imported row replaced is a fault of the file's shape, named "file" with its line)
                assertNamesTheField(answer, m, what);
            }
            assertEquals(Map.of(), changes, "a refused request wrote: " + what);
        } else if (e.readOnly(m)) {
            assertEquals(Map.of(), changes, "a request that stores nothing (a read, a dry run) wrote: " + what);
        } else if (e.wrote.test(answer)) {
            assertFalse(changes.isEmpty(), "an accepted write changed nothing the fingerprint sees: " + what);
        }
        TALLY.held(e.label, role);
    }

    /** RFC 9457 as the API promises it: the media type, the status repeated, a type and a title, no stack trace. */
    private static void assertProblem(FuzzHttp.Answer answer, String what) {
        assertTrue(String.valueOf(answer.contentType()).startsWith(Problem.MEDIA_TYPE), "not problem+json: " + what);
        JsonNode problem = parse(answer, what);
        assertEquals(answer.status(), problem.path("status").asInt(), what);
        assertFalse(problem.path("type").asText().isBlank(), what);
        assertFalse(problem.path("title").asText().isBlank(), what);
        assertFalse(answer.body().contains("Exception") || answer.body().contains("\tat "), "a stack trace: " + what);
    }

    /**
     * The field at fault is named: an error's field is the mutated one, lies inside it or contains it, has its
     * name (a list element, an imported row's column), or the error's message says its name (a rule between two
     * fields: "give either orderNo or region").
     */
    private static void assertNamesTheField(FuzzHttp.Answer answer, FuzzMutation m, String what) {
        String field = m.field();
        String leaf = FuzzJson.leaf(field);
        for (JsonNode error : parse(answer, what).path("errors")) {
            String named = error.path("field").asText();
            if (related(named, field) || FuzzJson.leaf(named).equalsIgnoreCase(leaf)
                    || java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(leaf) + "\\b")
                            .matcher(error.path("message").asText()).find()) {
                return;
            }
        }
        fail("the 400 does not name the field " + field + ": " + what);
    }

    private static boolean validUri(String uri) {
        try {
            new java.net.URI(uri);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean related(String a, String b) {
        return a.equals(b) || a.startsWith(b + ".") || a.startsWith(b + "[") || b.startsWith(a + ".")
                || b.startsWith(a + "[");
    }

    private static JsonNode parse(FuzzHttp.Answer answer, String what) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("the body is not JSON: " + what, e);
        }
    }

    @AfterAll
    static void report() throws IOException {
        String report = TALLY.report();
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/fuzz-report.txt"), report);
    }
}
