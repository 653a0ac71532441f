package dev.shophealth.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The packaged jar ({@code target/quarkus-app/quarkus-run.jar}, prod profile) as a child process on its own H2 file
 * directory and port, to be killed with SIGKILL and started again on the same files.
 */
final class PackagedApp {

    static final Map<String, String> PASSWORDS = Map.of("SHOPHEALTH_USERS_ADMIN_PASSWORD", "it-admin-secret",
            "SHOPHEALTH_USERS_ANALYST_PASSWORD", "it-analyst-secret",
            "SHOPHEALTH_USERS_REVIEWER_PASSWORD", "it-reviewer-secret",
            "SHOPHEALTH_USERS_MERCHANT_PASSWORD", "it-merchant-secret");
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    /** How long a start may take on a loaded two-core machine before the test gives up waiting. */
    private static final Duration START_LIMIT = Duration.ofMinutes(4);
    /** Where each test's app keeps its output and database files, after the run too. */
    private static final Path RUNS = Path.of("target/reliability");
    /** How much of the app's output a failed test prints: CI keeps the build's output, not target/. */
    private static final int TAIL_LINES = 200;

    private final Path dbDir;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    /**
     * The app for {@code test}, in a folder of its own under {@code target/reliability} (emptied first), so its
     * output and database files outlive the test: each start appends to {@code app.log}, H2 writes its errors beside
     * the database in {@code shophealth.trace.db}.
     */
    PackagedApp(TestInfo test) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run ./mvnw verify -Dreliability (package comes first)");
        }
        Path work = workOf(test.getTestClass().orElseThrow(), test.getTestMethod().orElseThrow().getName());
        if (Files.exists(work)) {
            try (Stream<Path> old = Files.walk(work)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        this.dbDir = Files.createDirectories(work.resolve("db"));
        this.log = work.resolve("app.log");
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
    }

    /** Starts the jar on the same database files and waits until it is ready. */
    void start() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m",
                "-Dshophealth.db-dir=" + dbDir.toAbsolutePath(), "-Dquarkus.http.port=" + port,
                // this test brings its own shop; the sample data would only make every start slower
                "-Dshophealth.sample-data.load=false", "-jar", JAR.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(PASSWORDS);
        process = builder.start();
        Instant limit = Instant.now().plus(START_LIMIT);
        while (!ready()) {
            if (!process.isAlive() || Instant.now().isAfter(limit)) {
                throw new IllegalStateException("The app did not become ready; see " + log);
            }
            Thread.sleep(250);
        }
    }

    /** kill -9: the JVM gets no chance to flush or close anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A graceful stop, so the next test starts from closed files. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    HttpResponse<String> send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        return http.send(request(method, path, contentType, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String method, String path, String contentType, String body) {
        String credentials = "admin:" + PASSWORDS.get("SHOPHEALTH_USERS_ADMIN_PASSWORD");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    /** The size of the H2 file: it grows while H2 writes, also a transaction not yet committed. */
    long databaseFileSize() throws IOException {
        Path file = dbDir.resolve("shophealth.mv.db");
        return Files.exists(file) ? Files.size(file) : 0;
    }

    HttpClient http() {
        return http;
    }

    private static Path workOf(Class<?> testClass, String testMethod) {
        return RUNS.resolve(testClass.getSimpleName() + "." + testMethod);
    }

    /**
     * Prints the end of the app's output, and H2's own error log if it wrote one, when a test fails: CI keeps the
     * build's output, not {@code target/}, and a failure seen once must come with the app's side of it.
     */
    static final class LogOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext test, Throwable cause) {
            Path work = workOf(test.getRequiredTestClass(), test.getRequiredTestMethod().getName());
            print(work.resolve("app.log"), TAIL_LINES);
            print(work.resolve("db").resolve("shophealth.trace.db"), TAIL_LINES);
        }

        private static void print(Path file, int lines) {
            if (!Files.exists(file)) {
                return;
            }
            try {
                List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
                System.err.println("---- last " + Math.min(lines, all.size()) + " of " + all.size() + " lines of "
                        + file.toAbsolutePath());
                all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.err::println);
                System.err.println("---- end of " + file.getFileName());
            } catch (IOException e) {
                System.err.println("Cannot read " + file + ": " + e);
            }
        }
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
