package dev.shophealth.common;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code target/quarkus-app.../quarkus-run.jar}) run as a child process from the project root
 * (where {@code rules/} and {@code data/} are), in the {@code prod} profile, on a free port, with the users'
 * passwords that production requires.
 */
final class PackagedApp implements AutoCloseable {

    /** The admin's password in every packaged app a test starts. */
    static final String ADMIN_PASSWORD = "it-admin-secret";
    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;
    private final int port;

    private PackagedApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code jar} with {@code env} added to the environment and {@code properties} as system properties,
     * and waits until it is ready; fails with the end of its log when it does not become ready.
     */
    static PackagedApp start(Path jar, Map<String, String> env, Map<String, String> properties, Path log)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged app at " + jar + ": build it with ./mvnw verify -Preliability "
                    + "(or name another with -Dshophealth.it.postgresql-jar=...)");
        }
        int port = PrivatePostgres.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "SHOPHEALTH_USERS_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "SHOPHEALTH_USERS_REVIEWER_PASSWORD", "it-reviewer-secret",
                "SHOPHEALTH_USERS_ANALYST_PASSWORD", "it-analyst-secret",
                "SHOPHEALTH_USERS_MERCHANT_PASSWORD", "it-merchant-secret"));
        builder.environment().putAll(env);
        PackagedApp app = new PackagedApp(builder.start(), log, port);
        app.awaitReady();
        return app;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    int port() {
        return port;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                var ready = client.send(HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the HTTP server starts last
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("The packaged app did not become ready; the end of its log:\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
