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
import java.util.List;
import java.util.Map;
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
    /** The app's output of each test, kept after the run (the test's temporary directory is deleted). */
    private static final Path LOGS = Path.of("target/reliability");
    /** How much of the app's output a failed test prints: CI keeps the build's output, not target/. */
    private static final int TAIL_LINES = 200;

    private final Path dbDir;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    /** The app for {@code test}; its output goes to {@code target/reliability}, emptied first (each start appends). */
    PackagedApp(Path workDir, TestInfo test) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run ./mvnw verify -Dreliability (package comes first)");
        }
        this.dbDir = Files.createDirectories(workDir.resolve("db"));
        this.log = Files.createDirectories(LOGS).resolve(logOf(test.getTestClass().orElseThrow(),
                test.getTestMethod().orElseThrow().getName()));
        Files.deleteIfExists(log);
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

    private static String logOf(Class<?> testClass, String testMethod) {
        return testClass.getSimpleName() + "." + testMethod + ".app.log";
    }

    /**
     * Prints the end of the app's output when a test fails, so a failure seen once in CI comes with the app's side
     * (its stack traces); the whole output stays in {@code target/reliability}.
     */
    static final class LogOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext test, Throwable cause) {
            Path log = LOGS.resolve(logOf(test.getRequiredTestClass(), test.getRequiredTestMethod().getName()));
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                System.err.println("---- last " + Math.min(TAIL_LINES, lines.size()) + " of " + lines.size()
                        + " lines of " + log.toAbsolutePath());
                lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()).forEach(System.err::println);
                System.err.println("---- end of " + log.getFileName());
            } catch (IOException e) {
                System.err.println("No app output to show: " + e);
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
